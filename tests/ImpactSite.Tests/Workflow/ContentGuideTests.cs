using System.Text.RegularExpressions;
using ImpactSite.Content;
using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Workflow;

/// <summary>
/// docs/content-guide.md is what co-ordinators read; each kind's definition (Content/) is what the build checks. Every
/// key of every kind must have its row in that kind's table, marked required exactly when the build requires it, so the
/// guide cannot promise a key the build rejects, or keep quiet about one it demands.
/// </summary>
public sealed partial class ContentGuideTests
{
    static readonly string Guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "content-guide.md"));

    /// <summary>The guide's lines outside code blocks (an example file's own '## ' headings are not the guide's).</summary>
    static readonly string[] Prose = OutsideCode(Guide.Split('\n')).ToArray();

    static IEnumerable<string> OutsideCode(IEnumerable<string> lines)
    {
        var inCode = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) inCode = !inCode;
            else if (!inCode) yield return line;
        }
    }

    /// <summary>The rows of the first key table in the section whose heading names this file: key -> the "required?" cell.</summary>
    static Dictionary<string, string> KeyRows(string headingNames)
    {
        var start = Array.FindIndex(Prose, l => l.StartsWith("## ") && l.Contains(headingNames));
        Assert.True(start >= 0, $"docs/content-guide.md has no section headed with {headingNames}");
        var section = Prose.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ")).ToList();
        var keys = section.FindIndex(l => l.StartsWith("### Keys", StringComparison.Ordinal));
        var rows = new Dictionary<string, string>();
        foreach (var line in section.Skip(keys + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
            if (Row().Match(line) is { Success: true } m) rows.TryAdd(m.Groups[1].Value, m.Groups[2].Value.Trim());
        return rows;
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \| ([^|]+) \|")]
    private static partial Regex Row();

    public static TheoryData<string> Kinds => [.. ContentKinds.All.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_key_of_the_kind_is_in_its_table_marked_required_exactly_when_the_build_requires_it(string name)
    {
        var kind = ContentKinds.Named(name)!;
        var own = KeyRows($"`{kind.FilePath("<slug>", "<study>").Replace("<slug>/index.md", "<study>/index.md")}`");
        var common = KeyRows("Keys every markdown file may carry");
        foreach (var key in kind.Keys)
        {
            var cell = own.GetValueOrDefault(key.Name) ?? common.GetValueOrDefault(key.Name);
            Assert.True(cell is not null, $"docs/content-guide.md has no row for '{key.Name}' of a {name}");
            if (key.Need == Need.Required) Assert.Equal("**required**", cell);
            else if (key.Need == Need.Conditional) Assert.StartsWith("required ", cell);
            else Assert.Equal("no", cell);
        }
        Assert.Empty(own.Keys.Except(kind.KeyNames)); // and no row for a key the build would call unknown
    }
}
