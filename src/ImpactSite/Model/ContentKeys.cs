namespace ImpactSite.Model;

/// <summary>The keys the content contract allows in each kind of file; anything else is a (likely misspelt) unknown key.</summary>
public static class ContentKeys
{
    static readonly string[] Common = ["title", "draft", "redirect_from", "updated", "tags", "content_note"];

    public static readonly IReadOnlySet<string> Site = Set("title", "base_url", "language", "description", "organisation",
        "contact_email", "overdue_after_days", "repository_url", "frameworks", "unchecked_files");
    public static readonly IReadOnlySet<string> Person = Set("id", "credit", "name", "pseudonym", "role", "withdrawn", "consent_review");
    public static readonly IReadOnlySet<string> Study = Set([.. Common, "summary", "status", "started", "ended", "funder",
        "funder_reference", "groups", "involvement_aim", "involvement_methods", "discussion", "reflections"]);
    public static readonly IReadOnlySet<string> Meeting = Set([.. Common, "date", "group", "format", "attendees", "chair",
        "attendee_count", "standards"]);
    public static readonly IReadOnlySet<string> Decision = Set([.. Common, "raised", "raised_at", "raised_by", "you_said",
        "status", "we_did", "responded", "reason", "decided_by", "standards", "updates"]);
    public static readonly IReadOnlySet<string> DecisionUpdate = Set("date", "status", "note");
    public static readonly IReadOnlySet<string> Post = Set([.. Common, "date", "authors", "study", "summary", "standards"]);
    public static readonly IReadOnlySet<string> Page = Set(Common);

    public static readonly string[] StudyStatuses = ["planned", "active", "completed"];
    public static readonly string[] MeetingFormats = ["in-person", "online", "hybrid"];
    public static readonly string[] Credits = ["name", "pseudonym", "role"];

    static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}
