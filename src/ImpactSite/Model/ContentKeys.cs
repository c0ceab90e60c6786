using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;

namespace ImpactSite.Model;

/// <summary>The keys the contract allows in each kind of file (from each kind's definition in Content/, and for
/// site.yml and people.yml here); anything else is a (likely misspelt) unknown key.</summary>
public static class ContentKeys
{
    public static readonly IReadOnlySet<string> Site = Set("title", "base_url", "language", "description", "organisation",
        "contact_email", "overdue_after_days", "repository_url", "repository_public", "frameworks", "data_licence");
    public static readonly IReadOnlySet<string> Person = Set("id", "credit", "name", "pseudonym", "role", "withdrawn", "consent_review");
    public static IReadOnlySet<string> Study => ContentKinds.Study.KeyNames;
    public static IReadOnlySet<string> Meeting => ContentKinds.Meeting.KeyNames;
    public static IReadOnlySet<string> Decision => ContentKinds.Decision.KeyNames;
    public static readonly IReadOnlySet<string> DecisionUpdate = DecisionKind.UpdateFields.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
    public static readonly IReadOnlySet<string> StudyRelease = StudyKind.ReleaseFields.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
    public static IReadOnlySet<string> Post => ContentKinds.Post.KeyNames;
    public static IReadOnlySet<string> Page => ContentKinds.Page.KeyNames;

    public static readonly string[] StudyStatuses = Content.Studies.StudyKind.Statuses;
    public static readonly string[] MeetingFormats = Content.Meetings.MeetingKind.Formats;
    public static readonly string[] Credits = ["name", "pseudonym", "role"];

    static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}
