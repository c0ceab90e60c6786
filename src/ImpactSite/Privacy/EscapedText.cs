using System.Globalization;

namespace ImpactSite.Privacy;

/// <summary>
/// The escapes of data and settings files, undone as their programs do before showing a value: backslash escapes
/// (JSON, JavaScript, YAML, TOML, .properties, PO, shell: \uXXXX, \UXXXXXXXX, \u{...}, \xXX, octal, \N and any escaped
/// character as itself), a backslash at the end of a line joining it to the next (leading white space dropped, as in
/// .properties, YAML and TOML), and string literals on consecutive lines joined (PO's msgid "An" / "n Lee"). CSS has
/// its own escapes: \ and one to six hex digits, with one white space after them.
/// </summary>
public static class EscapedText
{
    public static void Backslashes(DecodedText text, TextReading reading, string? part)
    {
        var s = text.Text;
        if (s.IndexOf('\\') < 0 && s.IndexOf('"') < 0) return;
        var into = new DecodedTextBuilder();
        for (var i = 0; i < s.Length;)
        {
            var c = s[i];
            if (c == '"' && JoinedLiteral(s, i) is var after and > 0)
            {
                i = after;
                continue;
            }
            if (c != '\\' || i + 1 >= s.Length)
            {
                into.Append(c, text.Origin(i++));
                continue;
            }
            var origin = text.Origin(i);
            var next = s[i + 1];
            if (LineEnd(s, i + 1) is var continued and > 0)
            {
                i = SkipSpaces(s, continued);
                continue;
            }
            (int Code, int Length) escape = next switch
            {
                'u' when i + 2 < s.Length && s[i + 2] == '{' => Hex(s, i + 3, 1, 6, closing: '}'),
                'u' => Hex(s, i + 2, 4, 4),
                'U' => Hex(s, i + 2, 8, 8),
                'x' => Hex(s, i + 2, 2, 2),
                >= '0' and <= '7' => Octal(s, i + 1),
                'N' or 'L' or 'P' or 'n' or 'r' or 't' or 'f' or 'v' or 'b' or 'a' or 'e' => (' ', 2),
                '_' => ('\u00A0', 2),
                _ => (next, 2),
            };
            var (code, length) = escape.Length == 0 ? (next, 2) : escape;
            // JSON and JavaScript write a letter beyond the BMP (a mathematical 𝐙) as two escapes, a surrogate pair.
            if (code is >= 0xD800 and <= 0xDBFF && i + length + 1 < s.Length && s[i + length] == '\\' && s[i + length + 1] == 'u'
                && Hex(s, i + length + 2, 4, 4) is var (low, lowLength) && low is >= 0xDC00 and <= 0xDFFF)
            {
                code = char.ConvertToUtf32((char)code, (char)low);
                length += lowLength;
            }
            into.Append(char.ConvertFromUtf32(code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? code : ' '), origin);
            i += length;
        }
        reading.Scan(into.ToDecodedText(), Markup.Xml, part);
    }

    /// <summary>CSS escapes: '\' and 1 to 6 hex digits (one white space after them is part of the escape), a backslash
    /// before a line break (which joins the lines inside a string), and any other escaped character as itself.</summary>
    public static void Css(DecodedText text, TextReading reading, string? part)
    {
        var s = text.Text;
        if (s.IndexOf('\\') < 0) return;
        var into = new DecodedTextBuilder();
        for (var i = 0; i < s.Length;)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                into.Append(s[i], text.Origin(i++));
                continue;
            }
            var origin = text.Origin(i);
            if (LineEnd(s, i + 1) is var continued and > 0)
            {
                i = continued;
                continue;
            }
            var (code, length) = Hex(s, i + 1, 1, 6);
            if (length == 0)
            {
                into.Append(s[i + 1], origin);
                i += 2;
                continue;
            }
            i += length;
            if (i < s.Length && s[i] is ' ' or '\t' or '\n') i++;
            else if (LineEnd(s, i) is var crlf and > 0) i = crlf;
            into.Append(char.ConvertFromUtf32(code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? code : ' '), origin);
        }
        reading.Scan(into.ToDecodedText(), Markup.Xml, part);
    }

    /// <summary>Where the line starting after a line break at s[at] begins (CR LF, LF or CR), or 0 when there is none.</summary>
    static int LineEnd(string s, int at)
    {
        var i = at;
        while (i < s.Length && s[i] is ' ' or '\t') i++; // TOML allows spaces between the backslash and the line's end
        if (i < s.Length && s[i] == '\r') return i + 1 < s.Length && s[i + 1] == '\n' ? i + 2 : i + 1;
        return i < s.Length && s[i] == '\n' ? i + 1 : 0;
    }

    static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
        return i;
    }

    /// <summary>A quote ending a line whose next line starts with a quote (PO and C string literals go on that way):
    /// where the string goes on, or 0.</summary>
    static int JoinedLiteral(string s, int quote)
    {
        if (LineEnd(s, quote + 1) is not (var next and > 0)) return 0;
        next = SkipSpaces(s, next);
        return next < s.Length && s[next] == '"' ? next + 1 : 0;
    }

    /// <summary>The code of min to max hex digits at s[at] (then the closing character, if any) and the escape's length
    /// counted from its backslash (at - 2 for \u, \U, \x; at - 1 for CSS); 0 when there are too few digits.</summary>
    static (int Code, int Length) Hex(string s, int at, int min, int max, char closing = '\0')
    {
        var end = at;
        while (end < s.Length && end - at < max && char.IsAsciiHexDigit(s[end])) end++;
        if (end - at < min) return (0, 0);
        if (closing != '\0' && (end >= s.Length || s[end] != closing)) return (0, 0);
        var code = int.Parse(s.AsSpan(at, end - at), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var backslash = s.LastIndexOf('\\', at - 1);
        return (code, end + (closing != '\0' ? 1 : 0) - backslash);
    }

    static (int Code, int Length) Octal(string s, int at)
    {
        var end = at;
        while (end < s.Length && end - at < 3 && s[end] is >= '0' and <= '7') end++;
        return (Convert.ToInt32(s[at..end], 8), end - at + 1);
    }
}
