using System.IO.Compression;
using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ImpactSite.Content.People;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Random invented names and the disguises a withheld name arrives in, as FsCheck generators: the forms a reader knows a
/// name by, what pasting from Word or a Mac does to characters, and how each kind of output file encodes text.
/// </summary>
public static class Disguises
{
    static readonly string[] Syllables = ["zeb", "ora", "quil", "thax", "murn", "elv", "brisk", "yod", "pell", "ostr", "vark", "ulm", "ysk", "wix", "gorm", "ind"];
    static readonly string[] Accented = ["é", "ö", "å", "ñ"];

    /// <summary>A capitalised invented word of two or three syllables, sometimes with an accented letter.</summary>
    static Gen<string> Word =>
        from count in Gen.Choose(2, 3)
        from parts in Gen.Elements(Syllables).ArrayOf(count)
        from accent in Gen.Elements([null, null, null, .. Accented])
        select Capitalise(accent is null ? string.Concat(parts) : string.Concat(parts)[..2] + accent + string.Concat(parts)[3..]);

    static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    public sealed record Name(string Given, string Family)
    {
        public string Full => $"{Given} {Family}";
        public override string ToString() => Full;
    }

    /// <summary>A given name and a family name of one part or two joined by a hyphen.</summary>
    public static Gen<Name> Names =>
        from given in Word
        from family in Word
        from second in Gen.Elements<string?>(null, "Standrow", "Feaverly")
        where !string.Equals(given, family, StringComparison.OrdinalIgnoreCase)
        select new Name(given, second is null ? family : family + "-" + second);

    public static Person Withheld(Name name) =>
        new() { Id = "kite", ChosenCredit = CreditKind.Pseudonym, Pseudonym = "Kite", Name = name.Full, At = new("people.yml", 5, 3) };

    /// <summary>The forms a reader recognises the name in.</summary>
    public static Gen<string> Forms(Name n) => Gen.Elements(
        n.Full, $"Dr {n.Full}", $"Professor {n.Given} Ottoline {n.Family}", $"{n.Family}, {n.Given}", $"Mrs {n.Family}", n.Family,
        $"{n.Family}'s", $"{n.Given}{n.Family.Replace("-", "")}");

    /// <summary>What pasting from a word processor and other accidents do to the characters, one or more at a time.</summary>
    public static Gen<string> Disguised(string text) =>
        from steps in Gen.Elements(CharacterDisguises).ArrayOf().Select(a => a.Take(4).ToArray())
        from seed in Gen.Choose(0, 1000)
        select steps.Aggregate(text, (t, step) => step(t, new Random(seed)));

    static readonly Func<string, Random, string>[] CharacterDisguises =
    [
        (t, _) => t.ToUpperInvariant(),
        (t, _) => t.ToLowerInvariant(),
        (t, _) => string.Concat(t.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
        (t, r) => InsideAWord(t, r, new[] { "\u00AD", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF" }[r.Next(6)]),
        (t, r) => t.Replace(" ", new[] { "\u00A0", "\n", "  ", "\t", "\r\n   ", "\u2009", "\u202F" }[r.Next(7)]),
        (t, r) => t.Replace("-", new[] { "\u2011", "\u2010", "\u2013", "\u2014", "\u00AD-" }[r.Next(5)]),
        (t, r) => t.Replace("'", new[] { "\u2019", "\u02BC", "\u2032" }[r.Next(3)]),
        (t, _) => Decompose(t),
        (t, r) => Homoglyph(t, r),
        (t, _) => FullWidth(t),
    ];

    static string InsideAWord(string t, Random r, string insert)
    {
        var letters = Enumerable.Range(1, Math.Max(0, t.Length - 1)).Where(i => char.IsLetter(t[i - 1]) && char.IsLetter(t[i])).ToList();
        return letters.Count == 0 ? t : t.Insert(letters[r.Next(letters.Count)], insert);
    }

    /// <summary>Accented letters as a base letter and a combining accent (NFD, as macOS file names and some editors store them).</summary>
    static string Decompose(string t) =>
        t.Replace("é", "e\u0301").Replace("ö", "o\u0308").Replace("å", "a\u030A").Replace("ñ", "n\u0303");

    static string Homoglyph(string t, Random r)
    {
        var look = new Dictionary<char, char> { ['a'] = '\u0430', ['e'] = '\u0435', ['o'] = '\u043E', ['i'] = '\u0456', ['y'] = '\u0443' };
        var at = Enumerable.Range(0, t.Length).Where(i => look.ContainsKey(t[i])).ToList();
        if (at.Count == 0) return t;
        var i = at[r.Next(at.Count)];
        return t[..i] + look[t[i]] + t[(i + 1)..];
    }

    /// <summary>Letters as their full-width forms (as some East Asian input methods type them).</summary>
    static string FullWidth(string t) =>
        string.Concat(t.Select(c => char.IsAsciiLetterUpper(c) ? (char)(0xFF21 + c - 'A') : char.IsAsciiLetterLower(c) ? (char)(0xFF41 + c - 'a') : c));

    /// <summary>An output file holding the text, encoded as that kind of file encodes it (with random extra encoding).</summary>
    /// <remarks>With no Random, text is encoded only as the build itself encodes it (no letter as a reference or escape).</remarks>
    public sealed record Packaging(string Kind, Func<string, Random?, (string Path, byte[] Content)> Pack)
    {
        public override string ToString() => Kind;
    }

    public static readonly Packaging[] Outputs =
    [
        new("page", (t, r) => ("p/index.html", Utf8($"<!doctype html><main><p>Thanks to {SplitByMarkup(t, r)} for this.</p></main>"))),
        new("attribute", (t, r) => ("p/index.html", Utf8($"<img alt=\"{EntityEncode(t, r)}\" src=\"x.png\"><a href=\"/people/{PercentEncode(t, r)}/\">link</a>"))),
        new("comment", (t, r) => ("p/index.html", Utf8($"<p>Hello</p><!-- from {t} -->"))),
        new("feed", (t, r) => ("feed.xml", Utf8($"<feed><entry><content type=\"html\">{WebUtility.HtmlEncode($"<p>{SplitByMarkup(t, r)}</p>")}</content></entry></feed>"))),
        new("json", (t, r) => ("search/index.json", Utf8($"[{{\"text\":\"{JsonEscape(t, r)}\"}}]"))),
        new("csv", (t, _) => ("studies/a/evidence.csv", Utf8($"slug,raised_by\r\nd1,\"{t.Replace("\"", "\"\"")}\"\r\n"))),
        new("svg", (t, r) => ("assets/chart.svg", Utf8($"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>{Tspans(t, r)}</text></svg>"))),
        new("address", (t, r) => ($"blog/{PercentEncode(t, r)}/index.html", Utf8("<p>Nothing here.</p>"))),
        new("redirect", (t, r) => ("_redirects", Utf8($"/old/{PercentEncode(t, r)}/ /new/ 301!\n"))),
        new("gzip", (t, _) => ("assets/notes.txt.gz", Gzip(Utf8(t)))),
        new("rtf", (t, _) => ("assets/letter.rtf", Encoding.ASCII.GetBytes($"{{\\rtf1\\ansi{{\\info{{\\author x}}}} Hello {RtfEscape(t)}\\par}}"))),
        new("utf-16 text", (t, _) => ("assets/notes.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(t)])),
    ];

    public static Gen<Packaging> Packagings => Gen.Elements(Outputs);

    static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    /// <summary>Each character HTML-encoded, some of them as numeric character references, decimal or hex.</summary>
    static string[] Encoded(string t, Random? r) =>
        [.. t.Select(c => r is null || r.Next(5) != 0 ? WebUtility.HtmlEncode(c.ToString()) : r.Next(2) == 0 ? $"&#{(int)c};" : $"&#x{(int)c:x};")];

    static string EntityEncode(string t, Random? r) => string.Concat(Encoded(t, r));

    /// <summary>The text encoded, with an inline element around part of it, as `Ann *Lee*` or a link on the surname renders.</summary>
    static string SplitByMarkup(string t, Random? r)
    {
        var units = Encoded(t, r);
        var at = t.IndexOf(' ') is var space and > 0 && (r is null || r.Next(2) == 0) ? space + 1 : r!.Next(1, Math.Max(2, units.Length));
        at = Math.Min(at, units.Length);
        var tag = new[] { "em", "strong", "a href=\"/x/\"", "span class=\"n\"", "b" }[r?.Next(5) ?? 0];
        return $"{string.Concat(units[..at])}<{tag}>{string.Concat(units[at..])}</{tag.Split(' ')[0]}>";
    }

    static string Tspans(string t, Random? r)
    {
        var at = r?.Next(1, Math.Max(2, t.Length)) ?? t.Length / 2;
        at = Math.Min(at, t.Length);
        return $"<tspan>{WebUtility.HtmlEncode(t[..at])}</tspan><tspan x=\"40\">{WebUtility.HtmlEncode(t[at..])}</tspan>";
    }

    static string PercentEncode(string t, Random? r)
    {
        var builder = new StringBuilder();
        foreach (var rune in t.EnumerateRunes())
        {
            var s = rune.ToString();
            if (s == " ") builder.Append(r is null || r.Next(2) == 0 ? "+" : "%20");
            else if (char.IsAsciiLetterOrDigit(s[0]) && (r is null || r.Next(3) != 0)) builder.Append(s);
            else foreach (var b in Encoding.UTF8.GetBytes(s)) builder.Append($"%{b:X2}");
        }
        return builder.ToString();
    }

    static string JsonEscape(string t, Random? r) =>
        string.Concat(t.Select(c => c switch
        {
            '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t",
            _ when c >= 0x80 || r?.Next(4) == 0 => $"\\u{(int)c:x4}",
            _ => c.ToString(),
        }));

    static string RtfEscape(string t) =>
        string.Concat(t.Select(c => c switch
        {
            '\\' or '{' or '}' => "\\" + c,
            '\n' => "\\line ",
            _ when c >= 0x80 => $"\\u{(short)c}?",
            _ => c.ToString(),
        }));

    public static byte[] Gzip(byte[] content)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(content);
        return output.ToArray();
    }
}
