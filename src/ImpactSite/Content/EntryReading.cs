using ImpactSite.Content.People;
using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content.Decisions;

namespace ImpactSite.Content;

/// <summary>
/// What every kind's reader shares: the keys every file carries, prose, people and standards, each checked against the
/// contract with the exact position of what is wrong. Each kind reads its own keys (its Content/&lt;Kind&gt;/ reader).
/// </summary>
public sealed class EntryReading(IReadOnlyDictionary<string, Person> people)
{
    public IReadOnlyDictionary<string, Person> People => people;

    /// <summary>Whether a text looks like a typed personal name (decided_by), against this site's people.</summary>
    public TypedName TypedNames { get; } = new(people.Values);

    /// <summary>The keys every file carries; null when the title is missing (reported), so the entry cannot be read.</summary>
    public EntryHeader? Header(FrontMatterDocument doc, string slug, string route)
    {
        var f = doc.Fields;
        var title = f.Text("title", required: true, example: "A short, plain title");
        var redirects = f.List("redirect_from").Where(r => CheckRedirect(f, r)).ToList();
        var header = new EntryHeader(slug, doc.Path, title ?? "", f.Flag("draft"), redirects, f.Date("updated"),
            f.List("tags").Select(t => t.Value).ToList(), f.Text("content_note"),
            new Prose(doc.Body, new SourceLocation(doc.Path, doc.BodyLine, 1), inline: false), route);
        return title is null ? null : header;
    }

    /// <summary>Old URLs must be plain paths on this site (<see cref="RedirectPath"/>).</summary>
    static bool CheckRedirect(YamlFields f, Located<string> from)
    {
        if (RedirectPath.Problem(from.Value) is not { } problem) return true;
        f.Error(from.At, problem);
        return false;
    }

    public Prose? Prose(YamlFields f, string key, bool required = false, bool inline = false, string example = "...")
    {
        var text = f.Text(key, required, example);
        return text is null ? null : new Prose(text, f.ValueAt(key), inline);
    }

    public IReadOnlyList<string> StandardsList(YamlFields f)
    {
        var list = new List<string>();
        foreach (var s in f.List("standards"))
            if (Standards.Ids.Contains(s.Value)) list.Add(s.Value);
            else f.Error(s.At, $"'{s.Value}' is not a standard ImpactSite knows: use one of {string.Join(", ", Standards.Ids)}.{Suggestions.DidYouMean(s.Value, Standards.Ids)}");
        return list.Distinct().ToList();
    }

    public IReadOnlyList<Person> PeopleList(YamlFields f, string key, bool required = false) =>
        f.List(key, required).Select(id => Lookup(f, id, key)).OfType<Person>().Distinct().ToList();

    public Person? OnePerson(YamlFields f, string key) =>
        f.Text(key) is { } id ? Lookup(f, new Located<string>(id, f.ValueAt(key)), key) : null;

    public Person? Lookup(YamlFields f, Located<string> id, string key)
    {
        // Ids are lower case; 'Priya-F' is the same person as 'priya-f', as in a mention.
        var clean = id.Value.TrimStart('@').ToLowerInvariant();
        if (people.TryGetValue(clean, out var person)) return person;
        f.Error(id.At, $"'{key}' names '{id.Value}', who is not in people.yml: add them there, or correct the id.{Suggestions.DidYouMean(clean, people.Keys)}");
        return null;
    }
}
