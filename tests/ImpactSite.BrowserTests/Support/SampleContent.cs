using System.Text.RegularExpressions;

namespace ImpactSite.BrowserTests.Support;

/// <summary>Facts about the sample site read from input/, so the tests follow the content when it changes.</summary>
public static partial class SampleContent
{
    /// <summary>The published decisions of a study: (slug, title) of every decision file that is not a draft.</summary>
    public static IReadOnlyList<(string Slug, string Title)> Decisions(string inputDir, string study) =>
        Directory.EnumerateFiles(Path.Combine(inputDir, "studies", study, "decisions"), "*.md")
            .Where(f => !Path.GetFileName(f).StartsWith('_') && !Path.GetFileName(f).StartsWith('.'))
            .Select(f => (Slug: Path.GetFileNameWithoutExtension(f), FrontMatter: FrontMatter(File.ReadAllText(f))))
            .Where(d => !IsTrue(Field(d.FrontMatter, "draft")))
            .Select(d => (d.Slug, Title: Field(d.FrontMatter, "title") ?? d.Slug))
            .OrderBy(d => d.Slug, StringComparer.Ordinal)
            .ToList();

    public static string Title(string markdownFile) =>
        Field(FrontMatter(File.ReadAllText(markdownFile)), "title")
        ?? throw new InvalidOperationException($"{markdownFile} has no title.");

    static string FrontMatter(string text)
    {
        var match = FrontMatterPattern().Match(text.Replace("\r\n", "\n"));
        return match.Success ? match.Groups[1].Value : "";
    }

    static string? Field(string frontMatter, string key)
    {
        var match = Regex.Match(frontMatter, $@"^{Regex.Escape(key)}:[ \t]*(.*?)[ \t]*$", RegexOptions.Multiline);
        if (!match.Success) return null;
        var value = match.Groups[1].Value;
        if (value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\''))
            value = value[1..^1].Replace("\\\"", "\"").Replace("''", "'");
        return value;
    }

    static bool IsTrue(string? value) => value is not null && value.Trim().ToLowerInvariant() is "true" or "yes";

    [GeneratedRegex(@"\A---\n(.*?)\n---", RegexOptions.Singleline)]
    private static partial Regex FrontMatterPattern();
}
