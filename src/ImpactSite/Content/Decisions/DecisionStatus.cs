namespace ImpactSite.Content.Decisions;

/// <summary>The five answers a suggestion can have, in the order a reader follows them.</summary>
public static class DecisionStatus
{
    public const string Open = "open", Considering = "considering", Adopted = "adopted",
        PartlyAdopted = "partly-adopted", NotAdopted = "not-adopted";

    public static readonly string[] All = [Open, Considering, Adopted, PartlyAdopted, NotAdopted];

    public static bool IsAnswered(string status) => status is Adopted or PartlyAdopted or NotAdopted;

    public static string Label(string status) => status switch
    {
        Open => "Open: not yet answered",
        Considering => "Being considered",
        Adopted => "Adopted",
        PartlyAdopted => "Partly adopted",
        NotAdopted => "Not adopted",
        _ => status,
    };
}
