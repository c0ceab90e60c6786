using System.Globalization;
using System.Net;

namespace ImpactSite.Privacy;

/// <summary>
/// HTML and XML character references as browsers decode them: &amp;#101; &amp;#x65; and named ones, HTML's own
/// (WebUtility's table) and the punctuation names HTML5 added (&amp;colon; &amp;sol; &amp;comma; ...), which spell
/// a "data:" address or a URL's separators inside an attribute without one plain colon.
/// </summary>
public static class CharacterReferences
{
    static readonly Dictionary<string, string> Punctuation = new(StringComparer.Ordinal)
    {
        ["Tab"] = "\t", ["NewLine"] = "\n", ["excl"] = "!", ["num"] = "#", ["dollar"] = "$", ["percnt"] = "%", ["lpar"] = "(",
        ["rpar"] = ")", ["ast"] = "*", ["midast"] = "*", ["plus"] = "+", ["comma"] = ",", ["period"] = ".", ["sol"] = "/",
        ["colon"] = ":", ["semi"] = ";", ["equals"] = "=", ["quest"] = "?", ["commat"] = "@", ["lsqb"] = "[", ["lbrack"] = "[",
        ["bsol"] = "\\", ["rsqb"] = "]", ["rbrack"] = "]", ["Hat"] = "^", ["lowbar"] = "_", ["UnderBar"] = "_", ["grave"] = "`",
        ["DiacriticalGrave"] = "`", ["lcub"] = "{", ["lbrace"] = "{", ["verbar"] = "|", ["vert"] = "|", ["VerticalLine"] = "|",
        ["rcub"] = "}", ["rbrace"] = "}", ["hyphen"] = "\u2010", ["dash"] = "\u2010",
    };

    static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PunctuationOf = Punctuation.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What the named reference &amp;name stands for (the common ones also without ';', as browsers accept), or null.</summary>
    public static string? Named(ReadOnlySpan<char> name, bool withSemicolon)
    {
        string? text = name switch
        {
            "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "apos" => "'", "nbsp" => " ", "shy" => "",
            _ => null,
        };
        if (text is not null || !withSemicolon) return text;
        if (PunctuationOf.TryGetValue(name, out var punctuation)) return punctuation;
        var reference = $"&{name};";
        var decoded = WebUtility.HtmlDecode(reference);
        return decoded != reference ? decoded : null;
    }

    /// <summary>The code of a numeric reference's digits at s[start..] (hex or decimal) and where they end, or null.</summary>
    public static (string Text, int End)? Numeric(string s, int start, int to, bool hex)
    {
        var end = start;
        while (end < to && end - start < 8 && (hex ? char.IsAsciiHexDigit(s[end]) : char.IsAsciiDigit(s[end]))) end++;
        if (end == start || !int.TryParse(s.AsSpan(start, end - start), hex ? NumberStyles.HexNumber : NumberStyles.None, null, out var code)) return null;
        return (code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : " ", end);
    }

    /// <summary>The text with every character reference decoded, each character placed where its reference starts
    /// (what a browser makes of an attribute's value before it reads it as an address).</summary>
    public static DecodedText Decode(DecodedText text)
    {
        var s = text.Text;
        var into = new DecodedTextBuilder();
        for (var i = 0; i < s.Length;)
        {
            if (s[i] == '&' && Reference(s, i) is { } reference)
            {
                into.Append(reference.Text, text.Origin(i));
                i = reference.After;
            }
            else into.Append(s[i], text.Origin(i++));
        }
        return into.ToDecodedText();
    }

    /// <summary>The reference starting at s[at] ('&amp;') and where it ends (after its ';', if any), or null.</summary>
    public static (string Text, int After)? Reference(string s, int at, int to = -1)
    {
        if (to < 0) to = s.Length;
        var i = at + 1;
        if (i < to && s[i] == '#')
        {
            var hex = i + 1 < to && s[i + 1] is 'x' or 'X';
            if (Numeric(s, hex ? i + 2 : i + 1, to, hex) is not { } numeric) return null;
            return (numeric.Text, numeric.End < to && s[numeric.End] == ';' ? numeric.End + 1 : numeric.End);
        }
        var nameEnd = i;
        while (nameEnd < to && nameEnd - i < 32 && char.IsAsciiLetterOrDigit(s[nameEnd])) nameEnd++;
        if (nameEnd == i) return null;
        var withSemicolon = nameEnd < to && s[nameEnd] == ';';
        return Named(s.AsSpan(i, nameEnd - i), withSemicolon) is { } named ? (named, withSemicolon ? nameEnd + 1 : nameEnd) : null;
    }
}
