namespace ImpactSite.Content.People;

/// <summary>The keys of one person in people.yml (contract: "people.yml: consent-aware credits"), declared once for
/// the reader's unknown-key check and the browser editor's People form.</summary>
public static class PersonKeys
{
    public const string Name = "name", Pseudonym = "pseudonym", Role = "role";

    /// <summary>How a person chose to be credited on their consent form.</summary>
    public static readonly string[] Credits = [Name, Pseudonym, Role];

    /// <summary>The key people.yml may hold its list under, so that the browser editor (which can only edit a
    /// file whose top level is a mapping) can edit it; a plain list is read the same way.</summary>
    public const string ListKey = "people";

    public static readonly IReadOnlyList<KeySpec> All =
    [
        new("id", KeyType.Text, "Id", "How every other file refers to this person (raised_by, authors, @mentions): lower-case letters, digits and hyphens, such as sam-k. Never change it once used.", Need.Required),
        new("credit", KeyType.Choice, "Credited as", "The choice on their consent form: by name, by a pseudonym only, or by their role only.", Need.Required) { Values = Credits },
        new(Name, KeyType.Text, "Name", "Their name as they want it shown. Never published unless 'credited as' is name.", Need.Conditional) { RequiredWhen = "Required when credited by name." },
        new(Pseudonym, KeyType.Text, "Pseudonym", "The name they chose to be shown instead of their own.", Need.Conditional) { RequiredWhen = "Required when credited by pseudonym." },
        new(Role, KeyType.Text, "Role", "Such as \"LEAP member\" or \"Carer representative\": shown with every credit, and alone when credited by role."),
        new("withdrawn", KeyType.Boolean, "Consent withdrawn", "Tick when they withdraw consent: every page then credits them by their role only. Never delete a person who is mentioned anywhere."),
        new("consent_review", KeyType.Date, "Consent review by", "The date by which their choice must be confirmed again; check warns once it has passed."),
    ];
}
