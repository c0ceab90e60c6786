namespace ImpactSite.Privacy;

/// <summary>
/// Advanced SubStation Alpha subtitles (.ass, .ssa), as a video player shows them: each Dialogue line's text (after its
/// ninth comma) with the override blocks ({\i1}, {\pos(1,2)}) removed, which may split a word without a space, and \N,
/// \n and \h as the line breaks and spaces they are.
/// </summary>
public static class SubtitleText
{
    const int FieldsBeforeText = 9;

    public static void Ass(DecodedText text, TextReading reading, string? part)
    {
        var s = text.Text;
        var into = new DecodedTextBuilder();
        for (var line = 0; line < s.Length;)
        {
            var end = s.IndexOf('\n', line);
            if (end < 0) end = s.Length;
            if (s.AsSpan(line, end - line).StartsWith("Dialogue:", StringComparison.OrdinalIgnoreCase) && TextStart(s, line, end) is var start and > 0)
            {
                Dialogue(text, start, end, into);
                into.Append('\n', text.Origin(end));
            }
            line = end + 1;
        }
        reading.Scan(into.ToDecodedText(), Markup.None, part);
    }

    /// <summary>Where a Dialogue line's text starts (after the ninth comma), or 0.</summary>
    static int TextStart(string s, int line, int end)
    {
        var at = line;
        for (var comma = 0; comma < FieldsBeforeText; comma++)
        {
            at = s.IndexOf(',', at, end - at) + 1;
            if (at == 0) return 0;
        }
        return at;
    }

    static void Dialogue(DecodedText text, int start, int end, DecodedTextBuilder into)
    {
        var s = text.Text;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c == '{' && s.IndexOf('}', i, end - i) is var close and > 0)
            {
                i = close;
                continue;
            }
            if (c == '\\' && i + 1 < end && s[i + 1] is 'N' or 'n' or 'h')
            {
                into.Append(' ', text.Origin(i++));
                continue;
            }
            if (c != '\r') into.Append(c, text.Origin(i));
        }
    }
}
