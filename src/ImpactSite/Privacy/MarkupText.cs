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

    /// <summary>The HTML elements that do not split a word on screen (phrasing content such as em, a, span; SVG's tspan).</summary>
    static bool IsInline(ReadOnlySpan<char> name)
    {
        if (name.Length > 8) return name.Equals("textpath", StringComparison.OrdinalIgnoreCase);
        // Tags are nearly always written in lower case: only a name with capitals is lowered first.
        if (!name.ContainsAnyInRange('A', 'Z')) return IsInlineLower(name);
        Span<char> lower = stackalloc char[name.Length];
        System.Text.Ascii.ToLower(name, lower, out _);
        return IsInlineLower(lower);
    }

    static bool IsInlineLower(ReadOnlySpan<char> name) => name switch
    {
        "a" or "abbr" or "b" or "bdi" or "bdo" or "cite" or "code" or "data" or "del" or "dfn" or "em" or "font" or "i" or "ins"
            or "kbd" or "mark" or "q" or "s" or "samp" or "small" or "span" or "strong" or "sub" or "sup" or "time" or "tspan"
            or "u" or "var" or "wbr" or "nobr" or "big" or "tt" or "strike" or "ruby" or "rb" or "rt" or "rp" or "label"
            or "output" or "meter" or "slot" => true,
        _ => false,
    };

    static readonly System.Buffers.SearchValues<char> TagEnd = System.Buffers.SearchValues.Create("\"'>");

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
    /// <remarks>When the text needs another round, what the earlier round found is replaced by what the next finds: the
    /// earlier round reads escaped markup as words ("&amp;lt;em&amp;gt;" as "em"), which would part a credited name
    /// from its family name and make a false alarm, and the next round holds every word of it, decoded.</remarks>
    public static void Read(string text, Markup markup, WordStream seen, WordStream hidden, List<NameHit> hits)
    {
        var before = hits.Count;
        for (var round = 1; ; round++)
        {
            var reader = new MarkupText(seen, hidden, markup);
            seen.Begin(text);
            hidden.Begin(text);
            reader.Text(text, 0, text.Length, seen, markup != Markup.None);
            seen.Finish();
            hidden.Finish();
            if (!reader.decodeAgain || round == MaxRounds) return;
            var decoded = DecodeAll(text);
            if (decoded == text) return;
            hits.RemoveRange(before, hits.Count - before);
            text = decoded;
        }
    }

    /// <summary>What each ASCII character is to <see cref="Text"/>: 0 ends a word, 1 is part of one, 2 may start an
    /// encoding or a tag, 3 is a markdown emphasis mark.</summary>
    static readonly byte[] Kinds = MakeKinds();

    static byte[] MakeKinds()
    {
        var kinds = new byte[128];
        for (var c = 0; c < 128; c++) kinds[c] = (byte)(char.IsAsciiLetterOrDigit((char)c) ? 1 : 0);
        foreach (var c in "<&%\\") kinds[c] = 2;
        foreach (var c in "*_~`") kinds[c] = 3;
        return kinds;
    }

    void Text(string s, int from, int to, WordStream into, bool tags)
    {
        var kinds = Kinds;
        for (var i = from; i < to;)
        {
            var c = s[i];
            if (c >= 0x80)
            {
                into.Char(c, i++);
                continue;
            }
            switch (kinds[c])
            {
                case 1:
                    var end = i + 1;
                    while (end < to && s[end] < 0x80 && kinds[s[end]] == 1) end++;
                    if (end < to && s[end] < 0x80 && kinds[s[end]] == 0)
                    {
                        into.Word(i, end);
                        for (i = end + 1; i < to && s[i] < 0x80 && kinds[s[i]] == 0; i++) { }
                        continue;
                    }
                    into.Letters(i, end);
                    i = end;
                    continue;
                case 0:
                    into.End();
                    for (i++; i < to && s[i] < 0x80 && kinds[s[i]] == 0; i++) { }
                    continue;
                case 3 when markup == Markup.Markdown:
                    into.Soft();
                    i++;
                    continue;
                case 2:
                    var next = Special(s, i, to, into, tags);
                    if (next > 0)
                    {
                        i = next;
                        continue;
                    }
                    break;
            }
            into.End();
            i++;
        }
    }

    /// <summary>A tag or an encoded character starting at s[i]; returns where it ends, or 0 when it is just a character.</summary>
    int Special(string s, int i, int to, WordStream into, bool tags) => s[i] switch
    {
        '<' when tags && i + 1 < to && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] is '/' or '!' or '?') => Tag(s, i, to),
        '&' => Entity(s, i, to, into),
        '%' => Percent(s, i, to, into),
        '\\' => Escape(s, i, to, into),
        _ => 0,
    };

    /// <summary>The text between an opening and a closing mark, read into one stream; returns where the section ends.</summary>
    int Section(string s, int at, int to, string open, string close, WordStream into, bool tags)
    {
        var from = at + open.Length;
        var end = s.IndexOf(close, from, to - from, StringComparison.Ordinal);
        seen.Soft();
        Text(s, from, end < 0 ? to : end, into, tags);
        if (into == hidden) hidden.End();
        else seen.Soft();
        return end < 0 ? to : end + close.Length;
    }

    /// <summary>A tag, comment, CDATA section, doctype or processing instruction starting at '&lt;'; returns where it ends.</summary>
    int Tag(string s, int at, int to)
    {
        var rest = s.AsSpan(at, to - at);
        // A comment is not seen; a CDATA section is text. Neither splits a word on screen.
        if (rest.StartsWith("<!--")) return Section(s, at, to, "<!--", "-->", hidden, tags: true);
        if (rest.StartsWith("<![CDATA[")) return Section(s, at, to, "<![CDATA[", "]]>", seen, tags: false);
        var nameStart = at + 1;
        while (nameStart < to && s[nameStart] is '/' or '!' or '?') nameStart++;
        var nameEnd = nameStart;
        while (nameEnd < to && (char.IsAsciiLetterOrDigit(s[nameEnd]) || s[nameEnd] is ':' or '-' or '_' or '.')) nameEnd++;
        var name = s.AsSpan(nameStart, nameEnd - nameStart);
        var colon = name.LastIndexOf(':');
        var local = colon >= 0 ? name[(colon + 1)..] : name;
        var splitsWords = markup is Markup.Html or Markup.Markdown && !IsInline(local);
        if (splitsWords) seen.End();
        else seen.Soft();
        // The tag's end is the first '>' outside quotes.
        var end2 = nameEnd;
        while (end2 < to)
        {
            var found = s.AsSpan(end2, to - end2).IndexOfAny(TagEnd);
            if (found < 0) { end2 = to; break; }
            end2 += found;
            if (s[end2] == '>') break;
            var close = s.IndexOf(s[end2], end2 + 1, to - end2 - 1);
            end2 = close < 0 ? to : close + 1;
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
        if (CharacterReferences.Reference(s, at, to) is not { } reference) return 0;
        Decoded(reference.Text, at, into, s, reference.After);
        return reference.After;
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
