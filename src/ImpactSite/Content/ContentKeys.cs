using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.People;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Posts;

namespace ImpactSite.Content;

/// <summary>The keys the contract allows in each kind of file (from each kind's definition in Content/, and
/// Content/People and Content/Settings for people.yml and site.yml); anything else is a (likely misspelt) unknown key.</summary>
public static class ContentKeys
{
    public static readonly IReadOnlySet<string> Site = Names(SiteKeys.All);
    public static readonly IReadOnlySet<string> Person = Names(PersonKeys.All);
    public static IReadOnlySet<string> Study => ContentKinds.Study.KeyNames;
    public static IReadOnlySet<string> Meeting => ContentKinds.Meeting.KeyNames;
    public static IReadOnlySet<string> Decision => ContentKinds.Decision.KeyNames;
    public static readonly IReadOnlySet<string> DecisionUpdate = Names(DecisionKind.UpdateFields);
    public static readonly IReadOnlySet<string> StudyRelease = Names(StudyKind.ReleaseFields);
    public static IReadOnlySet<string> Post => ContentKinds.Post.KeyNames;
    public static IReadOnlySet<string> Page => ContentKinds.Page.KeyNames;

    public static readonly string[] StudyStatuses = Content.Studies.StudyKind.Statuses;
    public static readonly string[] MeetingFormats = Content.Meetings.MeetingKind.Formats;
    public static readonly string[] Credits = PersonKeys.Credits;

    static HashSet<string> Names(IEnumerable<KeySpec> keys) => keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
}
