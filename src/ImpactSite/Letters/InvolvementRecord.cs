using ImpactSite.Content.Decisions;
using ImpactSite.Text;
using ImpactSite.Content;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Studies;
using ImpactSite.Letters;

namespace ImpactSite.Letters;

/// <summary>
/// A contributor's own record of their involvement, for a CV, a reference or a payment claim: the meetings they attended
/// or chaired, the suggestions they raised and what happened to each, the decisions they helped make and the posts they
/// co-wrote. It is private, so it names the person by their own stored name (and says why at the top); everyone else
/// appears only as their public credit. Only published entries count, so it matches the public record.
/// </summary>
public static class InvolvementRecord
{
    public static Letter Compose(SiteGraph graph, Person person)
    {
        var name = OwnName(person);
        var meetings = graph.Meetings.Where(m => m.Attendees.Contains(person) || m.Chair == person).OrderBy(m => m.Held).ToList();
        var raised = graph.Decisions.Where(d => d.RaisedBy.Contains(person)).OrderBy(d => d.Raised).ToList();
        var decided = graph.Decisions.Where(d => d.DecidedByPeople.Contains(person)).OrderBy(d => d.Responded ?? d.Raised).ToList();
        var posts = graph.Posts.Where(p => p.Authors.Contains(person)).OrderBy(p => p.Published).ToList();

        var title = $"Involvement record: {name}";
        var blocks = new List<Block>
        {
            new Heading(1, title),
            new Para($"This record is for {name} and the co-ordinator only. It uses {name}'s own name from people.yml because it is for them: " +
                     $"the public site credits them as \"{person.Credit}\". Keep it private: do not publish it or put it on the website.", "Private."),
            new Para($"Made on {English.Date(graph.BuildDate)} from {graph.Site.Title} ({graph.Site.BaseUrl.AbsoluteUri}). Each item links to its public page."),
            new Para(Summary(meetings, raised, decided, posts, person)),
        };
        Section(blocks, "Meetings attended", meetings.Select(m => Meeting(m, person)));
        Section(blocks, "Suggestions raised, and what happened", raised.Select(d => Suggestion(d, person)));
        Section(blocks, "Decisions taken part in", decided.Select(d => Decided(d)));
        Section(blocks, "Posts co-written", posts.Select(p => Post(p, person)));
        blocks.Add(new Para(DigestLetter.Footer(graph.Site, graph.BuildDate)));
        return new Letter(title, graph.Site.Language, blocks);
    }

    /// <summary>The name the person gave: their stored name, else their pseudonym, else their role.</summary>
    public static string OwnName(Person person) => person.Name ?? person.Pseudonym ?? person.Credit;

    static string Summary(List<Meeting> meetings, List<Decision> raised, List<Decision> decided, List<Post> posts, Person person)
    {
        var parts = new List<string>();
        if (meetings.Count > 0)
        {
            var chaired = meetings.Count(m => m.Chair == person);
            parts.Add($"attended {English.Count(meetings.Count, "meeting", "meetings")}" +
                      (meetings.Count > 1 ? $" between {English.Date(meetings[0].Held)} and {English.Date(meetings[^1].Held)}" : $" on {English.Date(meetings[0].Held)}") +
                      (chaired > 0 ? $" (chairing {chaired})" : ""));
        }
        if (raised.Count > 0) parts.Add($"raised {English.Count(raised.Count, "suggestion", "suggestions")} ({raised.Count(d => d.IsResponded)} answered so far)");
        if (decided.Count > 0) parts.Add($"took part in {English.Count(decided.Count, "decision", "decisions")}");
        if (posts.Count > 0) parts.Add($"co-wrote {English.Count(posts.Count, "post", "posts")}");
        return parts.Count == 0 ? "In short: the public record holds no involvement for this person yet." : $"In short: {English.List(parts)}.";
    }

    static void Section(List<Block> blocks, string heading, IEnumerable<Item> items)
    {
        var list = items.ToList();
        blocks.Add(new Heading(2, heading));
        if (list.Count == 0) blocks.Add(new Para("None in the public record."));
        blocks.AddRange(list);
    }

    static Item Meeting(Meeting m, Person person)
    {
        var how = string.Join(", ", new[] { m.Group, m.FormatLabel?.ToLowerInvariant() }.OfType<string>());
        var lines = new List<Para> { new($"{English.Date(m.Held)}{(how.Length > 0 ? $", {how}" : "")}. Study: {m.Study.Title}.") };
        if (m.Chair == person) lines.Add(new("Chaired the meeting."));
        if (m.DecisionsRaised.Count(d => d.RaisedBy.Contains(person)) is var own and > 0)
            lines.Add(new($"Raised {English.Count(own, "suggestion", "suggestions")} here (listed below)."));
        return new Item(m.Title, m.AbsoluteUrl, lines);
    }

    static Item Suggestion(Decision d, Person person)
    {
        var others = d.RaisedBy.Where(p => p != person).Select(p => p.Credit).ToList();
        var at = d.RaisedAt is { } m ? $" at the meeting \"{m.Title}\"" : "";
        var lines = new List<Para>
        {
            new(d.YouSaid.PlainText, "You said:"),
            new($"Raised on {English.Date(d.Raised)}{at}{(others.Count > 0 ? $", with {English.List(others)}" : "")}. Study: {d.Study.Title}."),
        };
        if (d.IsResponded && d.Responded is { } responded)
        {
            lines.Add(new($"{DigestLetter.Status(d.Status)} Answered on {English.Date(responded)}.", "What happened:"));
            if (d.WeDid is { } weDid) lines.Add(new(weDid.PlainText, "What we did:"));
            if (d.Reason is { } reason) lines.Add(new(reason.PlainText, "Why:"));
        }
        else lines.Add(new(DigestLetter.Status(d.Status), "Where it stands:"));
        return new Item(d.Title, d.AbsoluteUrl, lines);
    }

    static Item Decided(Decision d) => new(d.Title, d.AbsoluteUrl,
    [
        new($"{d.Study.Title}. {DigestLetter.Status(d.Status)}" + (d.Responded is { } r ? $" Answered on {English.Date(r)}." : "")),
        new(d.DecidedBy ?? "", "Decided by:"),
    ]);

    static Item Post(Post p, Person person)
    {
        var others = p.Authors.Where(a => a != person).Select(a => a.Credit).ToList();
        var about = p.Study is { } s ? $", about {s.Title}" : "";
        return new Item(p.Title, p.AbsoluteUrl,
            [new($"Published on {English.Date(p.Published)}{about}{(others.Count > 0 ? $", written with {English.List(others)}" : "")}.")]);
    }
}
