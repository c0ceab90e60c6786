using ImpactSite.Model;
using ImpactSite.Content.Decisions;
using ImpactSite.Text;

namespace ImpactSite.Render.Digest;

/// <summary>One suggestion with news in the period: answered in it, or with progress steps in it, or both.</summary>
public sealed record DigestItem(Decision Decision, bool AnsweredInPeriod, IReadOnlyList<DecisionUpdate> StepsInPeriod)
{
    /// <summary>The date of the latest news, for ordering.</summary>
    public DateOnly Latest => new[] { AnsweredInPeriod ? Decision.Responded : null, StepsInPeriod.LastOrDefault()?.Date }
        .OfType<DateOnly>().Max();
}

/// <summary>The news of one study.</summary>
public sealed record DigestGroup(Study Study, IReadOnlyList<DigestItem> Items);

/// <summary>
/// "What happened to your suggestions" for panel members: every decision whose response or any update step falls in
/// [Since, Until] (Until is the build date), grouped by study, plus the suggestions still waiting for an answer.
/// Built from a finished <see cref="SiteGraph"/>, so prose is already rendered and mentions are public credits.
/// </summary>
public sealed class Digest
{
    public required SiteSettings Site { get; init; }
    public required DateOnly Since { get; init; }
    public required DateOnly Until { get; init; }
    /// <summary>The one study asked for, or null for all studies.</summary>
    public Study? Study { get; init; }
    public required IReadOnlyList<DigestGroup> Groups { get; init; }
    /// <summary>Suggestions without an answer (open or being considered), longest wait first.</summary>
    public required IReadOnlyList<Decision> Waiting { get; init; }

    public IEnumerable<DigestItem> Items => Groups.SelectMany(g => g.Items);
    public int WithNews => Items.Count();
    public int Answered => Items.Count(i => i.AnsweredInPeriod);
    public int AnsweredAs(string status) => Items.Count(i => i.AnsweredInPeriod && i.Decision.Status == status);
    public int UpdatedOnly => Items.Count(i => !i.AnsweredInPeriod);
    public int Overdue => Waiting.Count(d => d.Overdue);

    public static Digest Build(SiteGraph graph, DateOnly since, Study? study = null)
    {
        var until = graph.BuildDate;
        bool InPeriod(DateOnly? date) => date is { } d && d >= since && d <= until;
        var studies = study is null ? graph.Studies : [study];
        var groups = new List<DigestGroup>();
        foreach (var s in studies)
        {
            var items = s.Decisions
                .Select(d => new DigestItem(d, d.IsResponded && InPeriod(d.Responded), d.Updates.Where(u => InPeriod(u.Date)).ToList()))
                .Where(i => i.AnsweredInPeriod || i.StepsInPeriod.Count > 0)
                .OrderByDescending(i => i.Latest).ThenBy(i => i.Decision.Title, StringComparer.OrdinalIgnoreCase)
                .ToList();
            if (items.Count > 0) groups.Add(new DigestGroup(s, items));
        }
        var waiting = studies.SelectMany(s => s.Decisions).Where(d => !d.IsResponded)
            .OrderByDescending(d => d.DaysWaiting).ThenBy(d => d.Title, StringComparer.OrdinalIgnoreCase).ToList();
        return new Digest { Site = graph.Site, Since = since, Until = until, Study = study, Groups = groups, Waiting = waiting };
    }
}

/// <summary>The plain words both formats share, so the e-mail and the printout say the same thing.</summary>
public static class DigestWords
{
    public const string Heading = "What happened to your suggestions";

    public static string Date(DateOnly date) => English.Date(date);

    public static string Period(Digest digest) =>
        $"News from {Date(digest.Since)} to {Date(digest.Until)}, " +
        (digest.Study is { } s ? $"for {s.Title}." : "for all our studies.");

    /// <summary>The status as a sentence a panel member would use.</summary>
    public static string Status(string status) => status switch
    {
        DecisionStatus.Adopted => "Adopted. We did what you suggested.",
        DecisionStatus.PartlyAdopted => "Partly adopted. We did some of what you suggested.",
        DecisionStatus.NotAdopted => "Not adopted. We could not do what you suggested.",
        DecisionStatus.Considering => "Being considered. We are still working on an answer.",
        _ => "Open. We have not answered yet.",
    };

    public static string Totals(Digest digest)
    {
        if (digest.WithNews == 0)
            return $"In short: no suggestion had news in this period. {WaitingSentence(digest)}";
        var answered = new List<string>();
        foreach (var (status, label) in new[] { (DecisionStatus.Adopted, "adopted"), (DecisionStatus.PartlyAdopted, "partly adopted"), (DecisionStatus.NotAdopted, "not adopted") })
            if (digest.AnsweredAs(status) is var n and > 0) answered.Add($"{n} {label}");
        var parts = new List<string>();
        if (digest.Answered > 0) parts.Add($"{English.Count(digest.Answered, "was", "were")} answered ({English.List(answered)})");
        if (digest.UpdatedOnly > 0) parts.Add($"{English.Count(digest.UpdatedOnly, "has", "have")} a progress update");
        return $"In short: {Suggestions(digest.WithNews)} had news. {Capitalise(English.List(parts))}. {WaitingSentence(digest)}";
    }

    static string WaitingSentence(Digest digest) => digest.Waiting.Count switch
    {
        0 => "No suggestion is waiting for an answer.",
        var n => $"{Suggestions(n)} {(n == 1 ? "is" : "are")} still waiting for an answer" +
                 (digest.Overdue switch
                 {
                     0 => ".",
                     var o when o == n => $", {(n == 1 ? "and it is" : "all of them")} overdue (no answer for more than {digest.Site.OverdueAfterDays} days).",
                     var o => $", {o} of them overdue (no answer for more than {digest.Site.OverdueAfterDays} days).",
                 }),
    };

    public static string RaisedLine(Decision d)
    {
        var by = d.RaisedBy.Count == 0 ? "the group" : English.List(d.RaisedBy.Select(p => p.Credit).ToList());
        var at = d.RaisedAt is { } m ? $" at the meeting \"{m.Title}\"" : "";
        return $"Raised on {Date(d.Raised)}{at}, by {by}.";
    }

    public static string Waiting(Decision d, int overdueAfter) =>
        $"Raised {Date(d.Raised)}: waiting {Days(d.DaysWaiting)} ({d.StatusLabel.ToLowerInvariant()})." +
        (d.Overdue ? $" Overdue: no answer for more than {overdueAfter} days." : "");

    public static string Days(int n) => English.Count(n, "day", "days");

    static string Suggestions(int n) => English.Count(n, "suggestion", "suggestions");

    static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
