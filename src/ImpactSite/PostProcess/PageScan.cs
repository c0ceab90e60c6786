using System.Collections.Concurrent;
using System.Net;

namespace ImpactSite.PostProcess;

/// <summary>
/// What <see cref="HtmlChecks"/> needs from a page, found in one forward scan of its HTML: the html element's lang, the
/// title's text, how many h1 and main elements there are, and the href/src of every a, link, img and script. It follows
/// the HTML tokenizer's rules for what it reads (comments, doctype, quoted and unquoted attributes, character
/// references, script/style/title/textarea text, SVG's own title) and skips everything else with vectorised searches.
/// Why not AngleSharp's tokenizer here: on 10,000 pages it cost more CPU than rendering them (docs/performance.md);
/// tests hold this scan to AngleSharp's DOM on every page of the sample site and on tricky markup.
/// </summary>
public sealed class PageScan
{
    public string? Language { get; private set; }
    public string? Title { get; private set; }
    public int Headings { get; private set; }
    public int Mains { get; private set; }
    /// <summary>Distinct href/src values of a, link, img and script elements, decoded.</summary>
    public HashSet<string> Links { get; } = new(StringComparer.Ordinal);

    /// <summary>The URLs earlier pages used, shared by all of them (navigation and theme files are on every page), so
    /// that a URL met before is not copied out of the page again.</summary>
    readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>? known;

    /// <summary>HTML elements that end SVG content when they appear inside it, as the tree builder does.</summary>
    static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LeavesSvg = new HashSet<string>(
    [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small",
        "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    ], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    readonly string html;
    int position;
    int svgDepth;

    PageScan(string html, ConcurrentDictionary<string, string>? known)
    {
        this.html = html;
        this.known = known?.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Scans a page; each of its links is the string <paramref name="known"/> holds for it, added there if new.</summary>
    public static PageScan Of(string html, ConcurrentDictionary<string, string>? known = null)
    {
        var scan = new PageScan(html, known);
        scan.Run();
        return scan;
    }

    void Run()
    {
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0 || open + 1 >= html.Length) return;
            position = open + 1;
            var next = html[position];
            if (html.AsSpan(open).StartsWith("<!--")) SkipPast("-->", open + 4);
            else if (next is '!' or '?') SkipPast(">", position);
            else if (next == '/' && position + 1 < html.Length && char.IsAsciiLetter(html[position + 1])) EndTag();
            else if (char.IsAsciiLetter(next)) StartTag();
        }
    }

    void StartTag()
    {
        var name = ReadName();
        var tag = Tag(name);
        if (svgDepth > 0 && LeavesSvg.Contains(name)) svgDepth = 0;
        var wanted = tag switch { "a" or "link" => "href", "img" or "script" => "src", "html" => "lang", _ => null };
        string? value = null;
        while (true)
        {
            SkipWhitespaceAndSlashes();
            if (position >= html.Length) return; // a tag cut off by the end of the page is no element at all
            if (html[position] == '>') { position++; break; }
            var attribute = ReadName();
            if (attribute.IsEmpty) { position++; continue; }
            var keep = wanted is not null && value is null && attribute.Equals(wanted, StringComparison.OrdinalIgnoreCase);
            var attributeValue = ReadAttributeValue(keep, link: keep && tag != "html");
            if (keep) value = attributeValue ?? "";
        }
        if (tag is null) return;
        switch (tag)
        {
            case "html" when svgDepth == 0: Language ??= value; break; // a later <html> adds only attributes not yet set
            case "h1": Headings++; break;
            case "main": Mains++; break;
            case "svg": svgDepth++; break;
            case "a" or "link" or "img" or "script" when !string.IsNullOrEmpty(value): Links.Add(value); break;
        }
        if (svgDepth > 0) return; // inside SVG every element's content is markup, and its title is not the page's
        switch (tag)
        {
            case "script" or "style" or "textarea": SkipText(tag); break;
            case "template": SkipText(tag); break; // a template's content is not part of the page until a script uses it
            case "title" when Title is null: Title = SkipText(tag); break;
            case "title": SkipText(tag); break;
        }
    }

    /// <summary>The tag names the scan acts on, as lower-case constants; null for every other tag (most of them), so no
    /// name is copied out of the page.</summary>
    static string? Tag(ReadOnlySpan<char> name)
    {
        foreach (var known in KnownTags)
            if (name.Equals(known, StringComparison.OrdinalIgnoreCase)) return known;
        return null;
    }

    static readonly string[] KnownTags = ["a", "link", "img", "script", "html", "h1", "main", "svg", "style", "textarea", "template", "title"];

    void EndTag()
    {
        position++; // past '/'
        if (ReadName().Equals("svg", StringComparison.OrdinalIgnoreCase) && svgDepth > 0) svgDepth--;
        SkipPast(">", position);
    }

    /// <summary>Skips an element's raw or escapable text up to its end tag, and returns that text decoded.</summary>
    string SkipText(string tag)
    {
        var start = position;
        var end = start;
        while ((end = html.IndexOf("</", end, StringComparison.Ordinal)) >= 0)
        {
            var after = end + 2 + tag.Length;
            if (after <= html.Length && html.AsSpan(end + 2, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase)
                && (after == html.Length || html[after] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f'))
                break;
            end += 2;
        }
        if (end < 0) end = html.Length;
        position = end;
        return WebUtility.HtmlDecode(html[start..end]);
    }

    ReadOnlySpan<char> ReadName()
    {
        var start = position;
        // An attribute may start with '=' (the tokenizer keeps it as part of the name).
        if (position < html.Length && html[position] == '=') position++;
        while (position < html.Length && html[position] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>' or '='))
            position++;
        return html.AsSpan(start, position - start);
    }

    /// <summary>The value after an attribute name ("=", quoted or not), decoded when <paramref name="keep"/>; null when the
    /// attribute has none. A <paramref name="link"/> is the shared string for its URL.</summary>
    string? ReadAttributeValue(bool keep, bool link)
    {
        var save = position;
        SkipWhitespace();
        if (position >= html.Length || html[position] != '=')
        {
            position = save;
            return null;
        }
        position++;
        SkipWhitespace();
        if (position >= html.Length) return "";
        var quote = html[position];
        int start, end;
        if (quote is '"' or '\'')
        {
            start = position + 1;
            end = html.IndexOf(quote, start);
            if (end < 0) end = html.Length;
            position = Math.Min(end + 1, html.Length);
        }
        else
        {
            start = position;
            while (position < html.Length && html[position] is not (' ' or '\t' or '\n' or '\r' or '\f' or '>')) position++;
            end = position;
        }
        if (!keep) return "";
        var span = html.AsSpan(start, end - start);
        var encoded = span.Contains('&');
        if (link && known is { } urls && !encoded && urls.TryGetValue(span, out var shared)) return shared;
        var value = encoded ? WebUtility.HtmlDecode(span.ToString()) : span.ToString();
        return link && known is { } all ? all.Dictionary.GetOrAdd(value, value) : value;
    }

    void SkipWhitespace()
    {
        while (position < html.Length && html[position] is ' ' or '\t' or '\n' or '\r' or '\f') position++;
    }

    void SkipWhitespaceAndSlashes()
    {
        while (position < html.Length && html[position] is ' ' or '\t' or '\n' or '\r' or '\f' or '/') position++;
    }

    void SkipPast(string end, int from)
    {
        var at = html.IndexOf(end, from, StringComparison.Ordinal);
        position = at < 0 ? html.Length : at + end.Length;
    }
}
