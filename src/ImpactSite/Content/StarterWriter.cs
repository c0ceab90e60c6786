using System.Globalization;
using System.Text;

namespace ImpactSite.Content;

/// <summary>What a new file is about, and what the input folder already holds that helps fill it in.</summary>
public sealed record ScaffoldRequest(ContentKind Kind, string Title, DateOnly Date)
{
    /// <summary>The study a meeting or decision belongs to, or that a post is about.</summary>
    public string? Study { get; init; }
    /// <summary>Person ids for a post's authors (already checked against people.yml).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>The study's groups, listed in the comment above a meeting's 'group'.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>Meeting file names of the study, newest first, listed above a decision's 'raised_at'.</summary>
    public IReadOnlyList<string> Meetings { get; init; } = [];
    /// <summary>Ids in people.yml, listed above keys that take person ids.</summary>
    public IReadOnlyList<string> PersonIds { get; init; } = [];
}

/// <summary>
/// Writes the text of a new markdown file ('impactsite new'): comments, keys, placeholders (texts the author must
/// replace, which the build reports until they are), and the pieces every kind's starter shares. Each kind writes its
/// own keys (<see cref="ContentKind.WriteStarter"/>).
/// </summary>
public sealed class StarterWriter
{
    const int ListedAtMost = 12;

    readonly StringBuilder text = new();
    readonly List<string> placeholders = [];

    /// <summary>The texts written for the author to replace (not examples of real values, such as a funder's name).</summary>
    public IReadOnlyList<string> Placeholders => placeholders;

    public string Placeholder(string text)
    {
        placeholders.Add(text);
        return text;
    }

    /// <summary>A placeholder as a quoted YAML value.</summary>
    public string Quoted(string text) => Quote(Placeholder(text));

    public void Line(string line) => text.Append(line).Append('\n');
    public void Blank() => text.Append('\n');
    public void Comment(params string[] lines)
    {
        foreach (var line in lines) Line("# " + line);
    }
    public void Key(string key, string value) => Line($"{key}: {value}");
    /// <summary>An optional key, written commented out.</summary>
    public void Off(string key, string example) => Line(example.Length == 0 ? $"# {key}:" : $"# {key}: {example}");
    public override string ToString() => text.ToString();

    public void Title(ScaffoldRequest r, string what)
    {
        Comment($"{what} Shown as the page's main heading. Required.");
        Key("title", Quote(r.Title));
    }

    public void Standards(string what)
    {
        Comment($"Involvement standards {what} shows. Optional. Any of:",
            string.Join(", ", Content.Standards.All.Select(s => s.Id)) + ".");
        Off("standards", "[communications, impact]");
    }

    public void Stage(string what)
    {
        Comment($"The research stage {what} was about, for the figures by stage. Optional. One of: {string.Join(", ", ResearchStages.Ids)}.");
        Off("stage", "design");
    }

    public void PeopleHint(ScaffoldRequest r) =>
        Comment(r.PersonIds.Count == 0 ? "people.yml lists nobody yet: add people there before naming them here."
            : $"Ids in people.yml: {List(r.PersonIds)}.");

    /// <summary>A kind with no template of its own (a kind added since): every key of its definition with its help,
    /// required ones written out, optional ones commented out.</summary>
    public void FromKeys(ScaffoldRequest r)
    {
        Comment($"{r.Kind.Key("title").Help} Required.");
        Key("title", Quote(r.Title));
        foreach (var key in r.Kind.Keys.Where(k => k.Name != "title").Except(ContentKind.Common))
        {
            var need = key.Need switch { Need.Required => "Required.", Need.Conditional => key.RequiredWhen ?? "Optional.", _ => "Optional." };
            Comment($"{key.Help} {need}" + (key.Values.Count > 0 ? $" One of: {string.Join(", ", key.Values)}." : ""));
            var example = key.Type switch
            {
                KeyType.Date => Iso(r.Date),
                KeyType.Choice => key.Values[0],
                KeyType.Choices => $"[{key.Values[0]}]",
                KeyType.Boolean => "false",
                KeyType.WholeNumber => "1",
                KeyType.Person => "person-id",
                KeyType.People => "[person-id]",
                KeyType.Meeting => "meeting-file-name",
                KeyType.Study => r.Study ?? "study-folder-name",
                KeyType.Texts or KeyType.Paths or KeyType.Steps => "",
                _ => Quoted($"Write the {key.Label.ToLowerInvariant()} here."),
            };
            if (key.Need == Need.Required) Key(key.Name, example);
            else Off(key.Name, example);
        }
    }

    public static string List(IReadOnlyList<string> items) =>
        items.Count <= ListedAtMost ? string.Join(", ", items)
            : string.Join(", ", items.Take(ListedAtMost)) + $" and {items.Count - ListedAtMost} more";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar: safe whatever the text holds (': ', ' #', a leading @ or quote).</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return quoted.Append('"').ToString();
    }
}
