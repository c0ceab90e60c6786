namespace ImpactSite.Content;

/// <summary>The involvement frameworks impact is reported against, with their plain-English labels.</summary>
public static class Standards
{
    public const string UkStandards = "uk-standards";
    public const string FourPi = "4pi";
    public static readonly string[] Frameworks = [UkStandards, FourPi];

    public sealed record Standard(string Id, string Label, string Framework, string Description);

    public static readonly IReadOnlyList<Standard> All =
    [
        new("inclusive-opportunities", "Inclusive opportunities", UkStandards, "Offering accessible involvement opportunities to people and communities."),
        new("working-together", "Working together", UkStandards, "Working together in a way that values all contributions."),
        new("support-and-learning", "Support and learning", UkStandards, "Offering and promoting support and learning that builds confidence and skills."),
        new("communications", "Communications", UkStandards, "Using plain language for timely, two-way and targeted communications."),
        new("impact", "Impact", UkStandards, "Seeking improvement by identifying and sharing the difference that public involvement makes."),
        new("governance", "Governance", UkStandards, "Involving the public in research management, regulation, leadership and decision making."),
        new("principles", "Principles", FourPi, "Are the principles of involvement clear and shared?"),
        new("purpose", "Purpose", FourPi, "Is the purpose of involvement clear?"),
        new("presence", "Presence", FourPi, "Are the right people involved, and do they feel present?"),
        new("process", "Process", FourPi, "Does the way people are involved work for them?"),
    ];

    public static readonly IReadOnlySet<string> Ids = All.Select(s => s.Id).ToHashSet();

    /// <summary>'impact' belongs to both frameworks, as the contract says.</summary>
    public static IEnumerable<Standard> For(IEnumerable<string> frameworks)
    {
        var chosen = frameworks.ToHashSet();
        return All.Where(s => chosen.Contains(s.Framework) || (s.Id == "impact" && chosen.Contains(FourPi)));
    }

    public static string Label(string id) => All.FirstOrDefault(s => s.Id == id)?.Label ?? id;
}
