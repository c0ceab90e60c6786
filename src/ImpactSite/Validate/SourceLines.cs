using System.Text.RegularExpressions;

namespace ImpactSite.Validate;

/// <summary>
/// Where a word of a piece of text stands in its source file, for warnings found after the text was rendered (when
/// only its plain text is left): the first whole-word match at or after where the text starts.
/// </summary>
public static class SourceLines
{
    /// <summary>How far past the start of a text to look: a front matter value or a body is rarely longer.</summary>
    const int MaxLines = 200;

    public static SourceLocation Find(string inputRoot, SourceLocation start, string word)
    {
        var path = Path.Combine(inputRoot, start.Path);
        if (!File.Exists(path)) return start;
        var pattern = new Regex($@"(?<![\p{{L}}\d]){Regex.Escape(word)}(?![\p{{L}}\d])", RegexOptions.IgnoreCase);
        var lines = File.ReadLines(path).Skip(start.Line - 1).Take(MaxLines).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var from = i == 0 ? Math.Max(0, start.Column - 1) : 0;
            if (from <= lines[i].Length && pattern.Match(lines[i], from) is { Success: true } m)
                return new(start.Path, start.Line + i, m.Index + 1);
        }
        return start;
    }
}
