using ImpactSite.Content.Decisions;
using ImpactSite.Text;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Letters;

/// <summary>
/// The digest in words, for the people it goes to: a title that says who it is for, a short summary, then each study's
/// meetings, answers, progress, waiting suggestions and posts. Long waits are put kindly (the month it was raised and
/// an apology, not a count of days). People appear only as their public credits.
/// </summary>
public static class DigestLetter
{
    public static Letter Compose(Digest digest)
    {
        var blocks = new List<Block> { new Heading(1, Title(digest.Scope)), new Para(digest.Site.Title + ". " + Period(digest)), new Para(Totals(digest)) };
        foreach (var news in digest.Studies)
        {
            blocks.Add(new Heading(2, news.Study.Title));
            Section(blocks, "Meetings held", news.Meetings.Select(Meeting));
            Section(blocks, "Suggestions answered", news.Answered.Select(Suggestion));
            Section(blocks, "Suggestions moving forward", news.Progress.Select(Suggestion));
            Section(blocks, "Still waiting for an answer", news.Waiting.Select(Waiting));
            Section(blocks, "New posts", news.Posts.Select(Post));
        }
        if (digest.OtherPosts.Count > 0)
        {
            blocks.Add(new Heading(2, "Other news"));
            Section(blocks, "New posts", digest.OtherPosts.Select(Post));
        }
        if (digest.Studies.Count == 0 && digest.OtherPosts.Count == 0)
            blocks.Add(new Para("There is nothing to report for this period."));
        blocks.Add(new Para(Footer(digest.Site, digest.Until)));
        return new Letter(Title(digest.Scope), digest.Site.Language, blocks);
    }

    public static string Title(DigestScope scope) =>
        scope.Person is not null ? "What happened to your suggestions"
        : scope.Group is { } group ? $"News for {group}"
        : scope.Study is { } study ? $"News from {study.Title}"
        : "Involvement news";

    public static string Period(Digest digest) =>
        $"What happened from {English.Date(digest.Since)} to {English.Date(digest.Until)}" +
        (digest.Scope.Study is { } s && digest.Scope.Group is not null ? $", in {s.Title}." : ".");

    public static string Totals(Digest digest)
    {
        var parts = new List<string>();
        if (digest.Meetings > 0) parts.Add($"{English.Count(digest.Meetings, "meeting was", "meetings were")} held");
        if (digest.Answered > 0)
        {
            var kinds = new[] { (DecisionStatus.Adopted, "adopted"), (DecisionStatus.PartlyAdopted, "partly adopted"), (DecisionStatus.NotAdopted, "not adopted") }
                .Where(k => digest.AnsweredAs(k.Item1) > 0).Select(k => $"{digest.AnsweredAs(k.Item1)} {k.Item2}").ToList();
            parts.Add($"{English.Count(digest.Answered, "suggestion was", "suggestions were")} answered ({English.List(kinds)})");
        }
        if (digest.Progressed > 0) parts.Add($"{English.Count(digest.Progressed, "suggestion", "suggestions")} moved forward");
        if (digest.Posts > 0) parts.Add($"{English.Count(digest.Posts, "post was", "posts were")} published");
        var news = parts.Count == 0 ? "In short: nothing new happened in this period." : $"In short: {English.List(parts)}.";
        return news + " " + (digest.Waiting switch
        {
            0 => "No suggestion is waiting for an answer.",
            var n => $"{English.Count(n, "suggestion is", "suggestions are")} still waiting for an answer.",
        });
    }

    static void Section(List<Block> blocks, string heading, IEnumerable<Item> items)
    {
        var list = items.ToList();
        if (list.Count == 0) return;
        blocks.Add(new Heading(3, heading));
        blocks.AddRange(list);
    }

    static Item Meeting(Meeting m)
    {
        var where = string.Join(", ", new[] { m.Group, m.FormatLabel?.ToLowerInvariant() }.OfType<string>());
        var lines = new List<Para> { new($"{English.Date(m.Held)}{(where.Length > 0 ? $", {where}" : "")}.") };
        if (m.DecisionsRaised.Count > 0)
            lines.Add(new($"{English.Count(m.DecisionsRaised.Count, "suggestion was", "suggestions were")} made at this meeting."));
        return new Item(m.Title, m.AbsoluteUrl, lines);
    }

    static Item Suggestion(DigestItem item)
    {
        var d = item.Decision;
        var lines = new List<Para> { new(d.YouSaid.PlainText, "You said:"), new(RaisedLine(d)) };
        if (item.AnsweredInPeriod)
        {
            lines.Add(new($"{Status(d.Status)} Answered on {English.Date(d.Responded!.Value)}.", "What happened:"));
            if (d.WeDid is { } weDid) lines.Add(new(weDid.PlainText, "What we did:"));
            if (d.Reason is { } reason) lines.Add(new(reason.PlainText, "Why:"));
            if (d.DecidedBy is { } decidedBy) lines.Add(new(decidedBy, "Decided by:"));
        }
        else lines.Add(new(Status(d.Status), "Where it stands:"));
        return new Item(d.Title, d.AbsoluteUrl, lines)
        {
            Steps = item.StepsInPeriod.Select(s => $"{English.Date(s.Date)}, {s.StatusLabel.ToLowerInvariant()}: {s.Note.PlainText}").ToList(),
        };
    }

    static Item Waiting(Decision d) => new(d.Title, d.AbsoluteUrl, [new(d.YouSaid.PlainText, "You said:"), new(Wait(d))]);

    static Item Post(Post p)
    {
        var lines = new List<Para> { new($"{English.Date(p.Published)}, by {English.List(p.Authors.Select(a => a.Credit).ToList())}.") };
        if (p.Summary is { } summary) lines.Add(new(summary.PlainText));
        return new Item(p.Title, p.AbsoluteUrl, lines);
    }

    public static string RaisedLine(Decision d)
    {
        var by = d.RaisedBy.Count == 0 ? "the group" : English.List(d.RaisedBy.Select(p => p.Credit).ToList());
        var at = d.RaisedAt is { } m ? $" at the meeting \"{m.Title}\"" : "";
        return $"Raised on {English.Date(d.Raised)}{at}, by {by}.";
    }

    /// <summary>How long a suggestion has waited, said kindly: an overdue one gets the month it was raised and an
    /// apology, never a blunt count of days.</summary>
    public static string Wait(Decision d) => d.Overdue
        ? $"Raised in {English.Month(d.Raised)}. This is taking longer than we would like, and we are sorry for the wait. " +
          "We have not forgotten it, and we will tell you as soon as there is an answer."
        : d.Status == DecisionStatus.Considering
            ? $"Raised on {English.Date(d.Raised)}. We are looking into it, and we will tell you what we decide."
            : $"Raised on {English.Date(d.Raised)}. We have not answered yet, and we will tell you when we do.";

    /// <summary>The status as a sentence a panel member would use.</summary>
    public static string Status(string status) => status switch
    {
        DecisionStatus.Adopted => "Adopted. We did what you suggested.",
        DecisionStatus.PartlyAdopted => "Partly adopted. We did some of what you suggested.",
        DecisionStatus.NotAdopted => "Not adopted. We could not do what you suggested.",
        DecisionStatus.Considering => "Being considered. We are still working on an answer.",
        _ => "Open. We have not answered yet.",
    };

    public static string Footer(SiteSettings site, DateOnly asOf)
    {
        var who = site.Organisation ?? site.Title;
        var contact = site.ContactEmail is { } email ? $" Questions or comments? Write to {email}." : "";
        return $"From {who}, using the public record at {site.BaseUrl.AbsoluteUri} as it stood on {English.Date(asOf)}.{contact}";
    }
}
