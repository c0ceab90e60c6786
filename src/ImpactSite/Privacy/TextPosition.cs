using ImpactSite.Validate;

namespace ImpactSite.Privacy;

public static class TextPosition
{
    /// <summary>The line and column of an offset into a file's text (lines end with '\n').</summary>
    public static SourceLocation Of(string path, string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = offset == 0 ? 0 : text.LastIndexOf('\n', offset - 1) + 1;
        return new SourceLocation(path, 1 + text.AsSpan(0, lineStart).Count('\n'), offset - lineStart + 1);
    }

    /// <summary>A source file's text as the line numbers count it, or null when it is not there.</summary>
    public static string? Read(string inputRoot, string path)
    {
        var full = Path.Combine(inputRoot, path);
        return File.Exists(full) ? File.ReadAllText(full).Replace("\r\n", "\n").Replace('\r', '\n') : null;
    }
}
