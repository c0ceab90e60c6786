using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactSite.PostProcess;
using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.PostProcess;

/// <summary>
/// The page checks read pages with <see cref="PageScan"/> rather than a full HTML parser, for speed. These tests hold it
/// to AngleSharp's DOM, the reference: on every page the sample site builds, on markup chosen to trip a simple scanner,
/// and on random mixtures of those pieces.
/// </summary>
public sealed class PageScanTests(SampleSite sample) : IClassFixture<SampleSite>
{
    static readonly HtmlParser Parser = new();

    /// <summary>What the checks need from a page, read from AngleSharp's DOM.</summary>
    static (string Lang, string Title, int H1, int Main, string Links) Reference(string html)
    {
        using var document = Parser.ParseDocument(html);
        var links = document.QuerySelectorAll("a[href], link[href], img[src], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).Where(u => u.Length > 0).Distinct().Order(StringComparer.Ordinal);
        return (document.DocumentElement.GetAttribute("lang") ?? "", Collapse(document.Title), document.QuerySelectorAll("h1").Length,
            document.QuerySelectorAll("main").Length, string.Join(" | ", links));
    }

    static (string Lang, string Title, int H1, int Main, string Links) Scanned(string html)
    {
        var scan = PageScan.Of(html);
        return (scan.Language ?? "", Collapse(scan.Title), scan.Headings, scan.Mains, string.Join(" | ", scan.Links.Order(StringComparer.Ordinal)));
    }

    static string Collapse(string? text) => string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Every_sample_page_reads_the_same_as_with_a_full_parser()
    {
        var pages = sample.Site.HtmlPaths.Concat(sample.Site.Files.Keys.Where(p => p.StartsWith("admin/", StringComparison.Ordinal) && p.EndsWith(".html"))).ToList();
        Assert.True(pages.Count > 40, $"only {pages.Count} pages");
        foreach (var path in pages)
        {
            var html = sample.Site.Text(path);
            Assert.Equal((path, Reference(html)), (path, Scanned(html)));
        }
    }

    [Theory]
    [InlineData("""<!DOCTYPE html><html lang="cy"><head><title>Hi</title></head><body><main><h1>A</h1></main></body></html>""")]
    [InlineData("""<html LANG='en'><TITLE>Upper</TITLE><BODY><MAIN><H1>x</H1><A HREF="/up/">u</A></MAIN>""")]
    [InlineData("""<html lang=en><title>t</title><a href=/unquoted/ class=x>u</a><img src=/i.png alt=''><link rel=stylesheet href=/c.css>""")]
    [InlineData("""<title>t</title><!-- <h1>not a heading</h1> <a href="/in-comment/"> --><h1>real</h1><!----><main></main>""")]
    [InlineData("""<title>t</title><script>var s = '<a href="/in-script/"><h1>'; // </scr + ipt></script><script src="/s.js"></script><h1>x</h1>""")]
    [InlineData("""<title>t</title><style>h1 { } /* <h1> <main> */</style><textarea><h1>typed</h1><a href="/typed/"></textarea><h1>x</h1>""")]
    [InlineData("""<title>Fish &amp; chips &#x2014; a&nbsp;story</title><a href="/a/?x=1&amp;y=2">q</a><a href="/caf&eacute;/">e</a>""")]
    [InlineData("""<title> </title><body><svg><title>Chart</title><a href="/in-svg/"></a></svg><h1>x</h1>""")]
    [InlineData("""<body><svg viewBox="0 0 1 1"><title>Only the chart has a title</title></svg><main></main><main></main>""")]
    [InlineData("""<title>t</title><a title="a>b" href="/after-gt/">x</a><a data-x='<h1>' href='/single/'>y</a><a>no href</a><a href="">empty</a>""")]
    [InlineData("""<title>t</title><a href="/first/" href="/second/">dup</a><img alt="x" src="/p.png"/><br/><h1/>""")]
    [InlineData("""<title>t</title><p>1 < 2 and 3 <4 but <b>bold</b> </p><a href = "/spaced/" >s</a><h1 class="x"id="y">z</h1>""")]
    [InlineData("""<html lang="en"><head><title>Unclosed""")]
    [InlineData("""<title>t</title><a href="/unterminated""")]
    [InlineData("""<?xml version="1.0"?><title>t</title><![CDATA[ <h1> ]]><h1>x</h1><template><h1>in template</h1></template>""")]
    public void Tricky_markup_reads_the_same_as_with_a_full_parser(string html) => Assert.Equal(Reference(html), Scanned(html));

    /// <summary>Pieces of markup, mixed at random: unclosed and stray tags included. SVG comes only whole, as themes and
    /// charts write it: how the tree builder recovers from broken SVG is beyond what the scan follows.</summary>
    static readonly string[] Pieces =
    [
        "<html lang=\"en\">", "<html>", "<head>", "<title>T &amp; U</title>", "<title>", "</title>", "<body>", "<main>", "</main>",
        "<h1>", "</h1>", "<h1 class=x>", "<a href=\"/a/\">", "<a href='/b/#top'>", "<a href=/c/>", "</a>", "<img src=\"/i.png\" alt=\"\">",
        "<link rel=\"stylesheet\" href=\"/s.css\">", "<script src=\"/j.js\"></script>", "<script>if (a < b) { x = '<h1>'; }</script>",
        "<style>main{}</style>", "<!-- <main> -->", "<!--", "-->", "<svg><title>chart</title><a href=\"/in-svg/\"></a></svg>", "<p>", "</p>",
        "text", " & ", "1 < 2", "<br/>", "<div data-x=\"a>b\">", "</div>", "<textarea>", "</textarea>", "&lt;h1&gt;", "\n", "<A HREF=\"/D/\">",
    ];

    [Property(MaxTest = 1000, EndSize = 40)]
    public Property Random_mixtures_of_markup_read_the_same_as_with_a_full_parser() =>
        Prop.ForAll(Arb.From(Gen.Elements(Pieces).ArrayOf()), pieces =>
        {
            var html = string.Concat(pieces);
            Assert.True(Reference(html) == Scanned(html), $"differs on: {html}\nreference: {Reference(html)}\nscanned:   {Scanned(html)}");
        });
}
