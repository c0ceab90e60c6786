namespace ImpactSite.Content;

/// <summary>
/// The research stages a meeting or suggestion can be filed under (optional 'stage'), after the stages of the NIHR
/// research cycle, so a funder can see where in the study people were involved (docs/impact-figures.md).
/// </summary>
public static class ResearchStages
{
    public sealed record Stage(string Id, string Label);

    public static readonly IReadOnlyList<Stage> All =
    [
        new("prioritising", "Identifying and prioritising questions"),
        new("design", "Designing the study"),
        new("funding", "Applying for funding"),
        new("conduct", "Running the study"),
        new("analysis", "Analysing and interpreting"),
        new("dissemination", "Sharing the findings"),
        new("implementation", "Putting findings into practice"),
        new("evaluation", "Evaluating impact"),
    ];

    public static readonly string[] Ids = All.Select(s => s.Id).ToArray();

    public static string Label(string id) => All.FirstOrDefault(s => s.Id == id)?.Label ?? id;
}
