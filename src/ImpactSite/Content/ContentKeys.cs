using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.People;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;
using ImpactSite.Content.Meetings;

namespace ImpactSite.Content;

/// <summary>The keys the contract allows in the files that are no entry kind (site.yml, people.yml) and in the steps of
/// lists (a decision's updates, a study's releases), with the allowed values readers share; an entry kind's own keys are
/// its <see cref="ContentKind.KeyNames"/>. Anything else is a (likely misspelt) unknown key.</summary>
public static class ContentKeys
{
    public static readonly IReadOnlySet<string> Site = Names(SiteKeys.All);
    public static readonly IReadOnlySet<string> Person = Names(PersonKeys.All);
    public static readonly IReadOnlySet<string> DecisionUpdate = Names(DecisionKind.UpdateFields);
    public static readonly IReadOnlySet<string> StudyRelease = Names(StudyKind.ReleaseFields);

    public static readonly string[] StudyStatuses = Content.Studies.StudyKind.Statuses;
    public static readonly string[] MeetingFormats = Content.Meetings.MeetingKind.Formats;
    public static readonly string[] Credits = PersonKeys.Credits;

    static HashSet<string> Names(IEnumerable<KeySpec> keys) => keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
}
