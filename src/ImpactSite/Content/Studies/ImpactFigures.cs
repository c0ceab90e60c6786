using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Text;
using ImpactSite.Content.Meetings;
namespace ImpactSite.Content.Studies;

/// <summary>
/// The key figures of the contract's evidence.json: 'responded' counts entries with a we_did, 'overdue' those without one
/// raised more than overdue_after_days before the build date, and the median is over responded entries.
/// </summary>
public sealed record ImpactFigures(
    int Meetings, int Suggestions, int Responded, int Open, int Considering,
    int Adopted, int PartlyAdopted, int NotAdopted, int Overdue, double? MedianDaysToResponse)
{
    public static readonly ImpactFigures Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, null);

    public static ImpactFigures Compute(IReadOnlyCollection<Meeting> meetings, IReadOnlyCollection<Decision> decisions)
    {
        int Count(string status) => decisions.Count(d => d.Status == status);
        var days = decisions.Select(d => d.DaysToResponse).OfType<int>().Order().ToArray();
        return new(meetings.Count, decisions.Count, decisions.Count(d => d.IsResponded),
            Count(DecisionStatus.Open), Count(DecisionStatus.Considering), Count(DecisionStatus.Adopted),
            Count(DecisionStatus.PartlyAdopted), Count(DecisionStatus.NotAdopted),
            decisions.Count(d => d.Overdue), Median(days));
    }

    static double? Median(int[] sorted) => sorted.Length == 0 ? null
        : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
        : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;

    public bool HasSuggestions => Suggestions > 0;
    public string MedianText => MedianDaysToResponse is { } m ? $"{m:0.#} days" : "no responses yet";

    /// <summary>Counts by status in reading order, for the chart and its table.</summary>
    public IReadOnlyList<StatusCount> ByStatus =>
    [
        new(DecisionStatus.Adopted, Adopted, Suggestions), new(DecisionStatus.PartlyAdopted, PartlyAdopted, Suggestions),
        new(DecisionStatus.NotAdopted, NotAdopted, Suggestions), new(DecisionStatus.Considering, Considering, Suggestions),
        new(DecisionStatus.Open, Open, Suggestions),
    ];

    /// <summary>The chart's message in one sentence, so nobody needs to read the chart to get it.</summary>
    public string Sentence
    {
        get
        {
            if (Suggestions == 0) return "No suggestions have been recorded yet.";
            var answered = Adopted + PartlyAdopted + NotAdopted;
            var waiting = Open + Considering;
            var text = $"Of {English.Count(Suggestions, "suggestion", "suggestions")}, {English.Count(answered, "has", "have")} been answered: " +
                       $"{Adopted} adopted, {PartlyAdopted} partly adopted and {NotAdopted} not adopted.";
            if (waiting > 0)
                text += $" {English.Count(waiting, "is", "are")} still waiting for an answer ({Considering} being considered, {Open} open)" +
                        (Overdue > 0 ? $", {Overdue} of them overdue." : ".");
            return text;
        }
    }

}

public sealed record StatusCount(string Status, int Count, int Total)
{
    public string Label => DecisionStatus.Label(Status);
    /// <summary>Bar length as a share of all suggestions, for the inline SVG chart (0-100).</summary>
    public double Percent => Total == 0 ? 0 : Math.Round(100.0 * Count / Total, 1);
}

/// <summary>One quarter of involvement activity on the study timeline.</summary>
public sealed record QuarterActivity(int Year, int Quarter, int Meetings, int Raised, int Responses)
{
    public string Label => $"{Year} Q{Quarter}";
    /// <summary>The quarter in plain words ("January to March 2025"): "Q1" means nothing to many readers.</summary>
    public string Months => $"{MonthNames[Quarter * 3 - 3]} to {MonthNames[Quarter * 3 - 1]} {Year}";
    static readonly string[] MonthNames = System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    public int Total => Meetings + Raised + Responses;

    public static IReadOnlyList<QuarterActivity> For(IReadOnlyCollection<Meeting> meetings, IReadOnlyCollection<Decision> decisions)
    {
        static int Key(DateOnly d) => d.Year * 4 + (d.Month - 1) / 3;
        var held = meetings.GroupBy(m => Key(m.Held)).ToDictionary(g => g.Key, g => g.Count());
        var raised = decisions.GroupBy(d => Key(d.Raised)).ToDictionary(g => g.Key, g => g.Count());
        var answered = decisions.Where(d => d is { IsResponded: true, Responded: not null })
            .GroupBy(d => Key(d.Responded!.Value)).ToDictionary(g => g.Key, g => g.Count());
        var keys = held.Keys.Concat(raised.Keys).Concat(answered.Keys).ToList();
        if (keys.Count == 0) return [];
        var list = new List<QuarterActivity>();
        for (var k = keys.Min(); k <= keys.Max(); k++)
            list.Add(new(k / 4, k % 4 + 1, held.GetValueOrDefault(k), raised.GetValueOrDefault(k), answered.GetValueOrDefault(k)));
        return list;
    }
}

/// <summary>How one involvement standard shows in a study: the entries tagged with it.</summary>
public sealed record StandardCoverage(Standards.Standard Standard, IReadOnlyList<Entry> Entries)
{
    public string Label => Standard.Label;
    public string Description => Standard.Description;
    public bool Covered => Entries.Count > 0;
}
