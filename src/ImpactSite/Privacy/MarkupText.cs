using System.Globalization;
using System.Net;
using System.Text;

namespace ImpactSite.Privacy;

/// <summary>How a text's angle brackets are read.</summary>
public enum Markup
{
    /// <summary>Plain text: '&lt;' is a character.</summary>
    None,
    /// <summary>XML (feeds, SVG, Office and OpenDocument parts): no tag splits a word, as runs of a Word paragraph show.</summary>
    Xml,
    /// <summary>HTML: block tags split words, inline ones (em, a, span, ...) do not.</summary>
    Html,
    /// <summary>Markdown: HTML, and emphasis marks (* _ ~ `) do not split words either.</summary>
    Markdown,
}

/// <summary>
/// Reads a text as its reader does, in one forward pass, handing what it finds to two <see cref="WordStream"/>s: the
/// text a reader sees, and everything inside tags and comments (tag and attribute names, attribute values, comments),
/// which a reader does not see but which is published all the same. Character references, percent-encoding (UTF-8 and
/// '+' as a space) and JSON/JavaScript escapes are decoded as they are met. When decoding reveals more of them (a feed's
/// HTML is escaped inside its XML; an address encoded twice), <see cref="Read"/> decodes the whole text and reads it again.
/// </summary>
public sealed partial class MarkupText
{
    const int MaxRounds = 3;

    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Inline = new HashSet<string>(
    [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins", "kbd", "mark", "q", "s",
        "samp", "small", "span", "strong", "sub", "sup", "time", "tspan", "textpath", "u", "var", "wbr", "nobr", "big", "tt",
        "strike", "ruby", "rb", "rt", "rp", "label", "output", "meter", "slot",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    readonly WordStream seen;
    readonly WordStream hidden;
    readonly Markup markup;
    bool decodeAgain;

    MarkupText(WordStream seen, WordStream hidden, Markup markup)
    {
        this.seen = seen;
        this.hidden = hidden;
        this.markup = markup;
    }

    /// <summary>Reads the text into the streams; offsets in hits are into this text (after a second round, approximately).</summary>
    public static void Read(string text, Markup markup, WordStream seen, WordStream hidden)
    {
        for (var round = 1; ; round++)
        {
            var reader = new MarkupText(seen, hidden, markup);
            reader.Text(text, 0, text.Length, seen, markup != Markup.None);
            seen.Finish();
            hidden.Finish();
            if (!reader.decodeAgain || round == MaxRounds) return;
            var decoded = DecodeAll(text);
            if (decoded == text) return;
            text = decoded;
        }
    }

    void Text(string s, int from, int to, WordStream into, bool tags)
    {
        for (var i = from; i < to;)
        {
            var c = s[i];
            switch (c)
            {
                case '<' when tags && i + 1 < to && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] is '/' or '!' or '?'):
                    i = Tag(s, i, to);
                    continue;
                case '&' when Entity(s, i, to, into) is var end and > 0:
                    i = end;
                    continue;
                case '%' when Percent(s, i, to, into) is var end and > 0:
                    i = end;
                    continue;
                case '\\' when Escape(s, i, to, into) is var end and > 0:
                    i = end;
                    continue;
                case '*' or '_' or '~' or '`' when markup == Markup.Markdown:
                    into.Soft();
                    i++;
                    continue;
                default:
                    into.Char(c, i);
                    i++;
                    continue;
            }
        }
    }

    /// <summary>A tag, comment, CDATA section, doctype or processing instruction starting at '&lt;'; returns where it ends.</summary>
    int Tag(string s, int at, int to)
    {
        var rest = s.AsSpan(at, to - at);
        if (rest.StartsWith("<!--"))
        {
            var close = s.IndexOf("-->", at + 4, to - at - 4, StringComparison.Ordinal);
            var end = close < 0 ? to : close;
            seen.Soft();
            Text(s, at + 4, end, hidden, true);
            hidden.End();
            return close < 0 ? to : close + 3;
        }
        if (rest.StartsWith("<![CDATA["))
        {
            var close = s.IndexOf("]]>", at + 9, to - at - 9, StringComparison.Ordinal);
            var end = close < 0 ? to : close;
            seen.Soft();
            Text(s, at + 9, end, seen, false);
            seen.Soft();
            return close < 0 ? to : close + 3;
        }
        var nameStart = at + 1;
        while (nameStart < to && s[nameStart] is '/' or '!' or '?') nameStart++;
        var nameEnd = nameStart;
        while (nameEnd < to && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] is ':' or '-' or '_' or '.')) nameEnd++;
        var name = s.AsSpan(nameStart, nameEnd - nameStart);
        var colon = name.LastIndexOf(':');
        var local = colon >= 0 ? name[(colon + 1)..] : name;
        var splitsWords = markup is Markup.Html or Markup.Markdown && !Inline.Contains(local);
        if (splitsWords) seen.End();
        else seen.Soft();
        // The tag's end is the first '>' outside quotes.
        var end2 = nameEnd;
        char quote = '\0';
        for (; end2 < to; end2++)
        {
            var c = s[end2];
            if (quote != '\0') { if (c == quote) quote = '\0'; }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') break;
        }
        Text(s, nameStart, end2, hidden, false);
        hidden.End();
        if (splitsWords) seen.End();
        else seen.Soft();
        return Math.Min(end2 + 1, to);
    }

    /// <summary>A character reference (&amp;amp; &amp;#101; &amp;#x65; and the named ones, with or without ';' where
    /// browsers accept that); returns where it ends, or 0 when this '&amp;' starts none.</summary>
    int Entity(string s, int at, int to, WordStream into)
    {
        var i = at + 1;
        if (i < to && s[i] == '#')
        {
            var hex = i + 1 < to && s[i + 1] is 'x' or 'X';
            var start = hex ? i + 2 : i + 1;
            var end = start;
            while (end < to && end - start < 8 && (hex ? char.IsAsciiHexDigit(s[end]) : char.IsAsciiDigit(s[end]))) end++;
            if (end == start || !int.TryParse(s.AsSpan(start, end - start), hex ? NumberStyles.HexNumber : NumberStyles.None, null, out var code)) return 0;
            Decoded(code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : " ", at, into, s, end < to && s[end] == ';' ? end + 1 : end);
            return end < to && s[end] == ';' ? end + 1 : end;
        }
        var nameEnd = i;
        while (nameEnd < to && nameEnd - i < 32 && char.IsAsciiLetterOrDigit(s[nameEnd])) nameEnd++;
        if (nameEnd == i) return 0;
        var withSemicolon = nameEnd < to && s[nameEnd] == ';';
        var name = s.AsSpan(i, nameEnd - i);
        string? text = name switch
        {
            "amp" => "&", "lt" => "<", "gt" => ">", "quot" => "\"", "apos" => "'", "nbsp" => " ", "shy" => "",
            _ => null,
        };
        if (text is null && withSemicolon)
        {
            var reference = s.Substring(at, nameEnd + 1 - at);
            var decoded = WebUtility.HtmlDecode(reference);
            if (decoded != reference) text = decoded;
        }
        if (text is null) return 0;
        var after = withSemicolon ? nameEnd + 1 : nameEnd;
        Decoded(text, at, into, s, after);
        return after;
    }

    /// <summary>Feeds decoded characters, noting when they start another encoding that needs a second round.</summary>
    void Decoded(string text, int at, WordStream into, string s, int after)
    {
        foreach (var c in text) into.Char(c, at);
        if (text.Length == 1 && after < s.Length && text[0] switch
            {
                '<' => char.IsAsciiLetter(s[after]) || s[after] is '/' or '!',
                '&' => char.IsAsciiLetter(s[after]) || s[after] == '#',
                '%' => char.IsAsciiHexDigit(s[after]),
                '\\' => s[after] is 'u' or 'x',
                _ => false,
            })
            decodeAgain = true;
    }

    /// <summary>%XX, and a run of them as UTF-8; returns where it ends, or 0.</summary>
    int Percent(string s, int at, int to, WordStream into)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = 0;
        var expected = 1;
        var i = at;
        while (count < expected && i + 2 < to && s[i] == '%' && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
        {
            bytes[count++] = (byte)(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
            if (count == 1) expected = bytes[0] >= 0xF0 ? 4 : bytes[0] >= 0xE0 ? 3 : bytes[0] >= 0xC0 ? 2 : 1;
            i += 3;
        }
        if (count == 0) return 0;
        Decoded(Encoding.UTF8.GetString(bytes[..count]), at, into, s, i);
        return i;
    }

    static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>\uXXXX and \xXX (JSON, JavaScript); \n, \t and the like are spaces. Returns where it ends, or 0.</summary>
    static int Escape(string s, int at, int to, WordStream into)
    {
        if (at + 1 >= to) return 0;
        var kind = s[at + 1];
        var digits = kind == 'u' ? 4 : kind == 'x' ? 2 : 0;
        if (digits == 0)
        {
            if (kind is not ('n' or 't' or 'r' or 'f' or 'b')) return 0;
            into.End();
            return at + 2;
        }
        if (at + 2 + digits > to || !int.TryParse(s.AsSpan(at + 2, digits), NumberStyles.HexNumber, null, out var code)) return 0;
        into.Char((char)code, at);
        return at + 2 + digits;
    }

    /// <summary>The whole text with every encoding decoded once, for the next round.</summary>
    static string DecodeAll(string text)
    {
        text = WebUtility.HtmlDecode(text);
        if (text.Contains('%')) text = Uri.UnescapeDataString(text);
        return text.Contains('\\') ? EscapedCharacter().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value, 16)).ToString()) : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2}))")]
    private static partial System.Text.RegularExpressions.Regex EscapedCharacter();
}
