using ImpactSite.Load;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Finds, in one pass before Markdig sees the text, the lines on which Markdig would take far too long or give up:
/// over-long lines, and quotes or lists nested too deeply (3,000 nested list items took Markdig 74 s before it threw).
/// The nesting is counted the way markdown reads it, closely enough to never flag ordinary text: '&gt;' and list markers
/// chained at the start of a line, and list items indented inside the item above.
/// </summary>
public static class MarkdownLimits
{
    public sealed record Problem(int Line, int Column, string Message);

    public static Problem? Check(string markdown)
    {
        var open = new List<int>(); // where the text of each list item still open starts (its column)
        var line = 0;
        foreach (var text in markdown.AsSpan().EnumerateLines())
        {
            line++;
            if (text.Length > TextLimits.MaxLineLength)
                return new(line, TextLimits.MaxLineLength + 1,
                    $"this line is {text.Length:N0} characters long; ImpactSite reads lines of up to {TextLimits.MaxLineLength:N0} characters: start a new paragraph (a blank line) every few sentences.");
            var (pos, column) = Indentation(text);
            if (pos == text.Length) continue;
            while (open.Count > 0 && column < open[^1]) open.RemoveAt(open.Count - 1);
            var depth = open.Count;
            var first = true;
            while (pos < text.Length)
            {
                if (text[pos] == '>') (pos, column) = (pos + 1, column + 1);
                else if (MarkerWidth(text[pos..]) is > 0 and var width)
                {
                    if (first) open.Add(column + width + 1);
                    (pos, column) = (pos + width, column + width);
                }
                else break;
                first = false;
                if (++depth > TextLimits.MaxMarkdownNesting)
                    return new(line, column,
                        $"quotes or lists are nested more than {TextLimits.MaxMarkdownNesting} deep here, which markdown cannot read: use fewer levels ('>' or list items inside each other).");
                var (skipped, next) = Indentation(text[pos..]);
                (pos, column) = (pos + skipped, column + next);
            }
        }
        return null;
    }

    /// <summary>How many characters of leading spaces and tabs, and how many columns they fill (a tab stops every 4).</summary>
    static (int Characters, int Columns) Indentation(ReadOnlySpan<char> text)
    {
        var (pos, column) = (0, 0);
        for (; pos < text.Length && text[pos] is ' ' or '\t'; pos++) column += text[pos] == '\t' ? 4 - column % 4 : 1;
        return (pos, column);
    }

    /// <summary>The width of a list marker ("-", "*", "+", "1.", "12)") followed by a space, tab or the end; 0 if none.</summary>
    static int MarkerWidth(ReadOnlySpan<char> text)
    {
        var width = text[0] is '-' or '*' or '+' ? 1 : 0;
        if (width == 0)
        {
            while (width < text.Length && width < 9 && char.IsAsciiDigit(text[width])) width++;
            if (width == 0 || width >= text.Length || text[width] is not ('.' or ')')) return 0;
            width++;
        }
        return width == text.Length || text[width] is ' ' or '\t' ? width : 0;
    }
}
