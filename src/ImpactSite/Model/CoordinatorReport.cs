using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Model;

/// <summary>
/// What 'check' adds to validation: the things a co-ordinator should act on this week. Consent problems are located
/// warnings; the rest is a short plain-text list.
/// </summary>
public static class CoordinatorReport
{
    const int ConsentDueSoonDays = 30;

    public static IEnumerable<Diagnostic> ConsentWarnings(SiteGraph graph)
    {
        foreach (var person in graph.People.Values.OrderBy(p => p.At.Line))
        {
            if (person is { WithheldName: not null, NameAt: { } at })
                yield return new(Severity.Warning, at.Path, at.Line, at.Column,
                    $"'{person.Id}' is credited as \"{person.Credit}\", but people.yml also stores their name. The build never publishes it, " +
                    "but if this repository is public, this name is public too: remove it unless the repository is private.");
            if (person.ConsentReview is { } due && due >= graph.BuildDate && due.DayNumber - graph.BuildDate.DayNumber <= ConsentDueSoonDays)
                yield return new(Severity.Warning, person.At.Path, person.At.Line, person.At.Column,
                    $"consent for '{person.Id}' must be re-confirmed by {due:yyyy-MM-dd} (in {due.DayNumber - graph.BuildDate.DayNumber} days).");
        }
    }

    public static IReadOnlyList<string> ToDo(SiteGraph graph, IReadOnlyCollection<string> drafts)
    {
        var lines = new List<string>();
        var overdue = graph.Decisions.Where(d => d.Overdue).OrderByDescending(d => d.DaysWaiting).ToList();
        if (overdue.Count > 0)
        {
            lines.Add($"Suggestions overdue for a response (waiting more than {graph.Site.OverdueAfterDays} days):");
            lines.AddRange(overdue.Select(d => $"  - {d.SourcePath}: \"{d.Title}\", raised {d.Raised:yyyy-MM-dd}, waiting {d.DaysWaiting} days ({d.StatusLabel.ToLowerInvariant()})"));
        }
        var reviews = graph.People.Values.Where(p => p.ConsentReview is { } due && due.DayNumber - graph.BuildDate.DayNumber <= ConsentDueSoonDays)
            .OrderBy(p => p.ConsentReview).ToList();
        if (reviews.Count > 0)
        {
            lines.Add("Consent to re-confirm:");
            lines.AddRange(reviews.Select(p => $"  - {p.Id}: {(p.ConsentReview < graph.BuildDate ? "was due" : "due")} {p.ConsentReview:yyyy-MM-dd}"));
        }
        if (drafts.Count > 0)
        {
            lines.Add("Drafts waiting to be published (remove 'draft: true' when ready):");
            lines.AddRange(drafts.Order(StringComparer.Ordinal).Select(d => $"  - {d}"));
        }
        return lines;
    }
}
