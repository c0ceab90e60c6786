using System.Diagnostics;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Validation;

/// <summary>
/// Content written to break the site rather than by mistake: each case gets its exact located message, within seconds,
/// and the rest of the site is still read (a warning planted in another file is still reported).
/// </summary>
public sealed class HostileInputTests
{
    const string Page = "pages/p.md";
    static readonly TimeSpan Seconds = TimeSpan.FromSeconds(20);

    static string R(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    static string Body(string body) => $"---\ntitle: P\n---\n{body}\n";

    static string Redirect(string from) => $"---\ntitle: P\nredirect_from: [\"{from}\"]\n---\nHi.\n";

    public static TheoryData<string, string, string> Cases => new()
    {
        { Page, Redirect("/*"), "pages/p.md:3:17: error: '/*' contains '*', which the host reads as \"any address\" (it would send every page here): list each old address in full." },
        { Page, Redirect("/blog/:slug/"), "pages/p.md:3:17: error: '/blog/:slug/' contains ':slug', which the host reads as a placeholder matching any address: list each old address in full." },
        { Page, Redirect("/old/?page=2"), "pages/p.md:3:17: error: '/old/?page=2' has a query or fragment ('?...'), which redirects cannot match: write old addresses as plain paths on this site, such as /news/old-post/." },
        { Page, Redirect("/old/#top"), "pages/p.md:3:17: error: '/old/#top' has a query or fragment ('#...'), which redirects cannot match: write old addresses as plain paths on this site, such as /news/old-post/." },
        { Page, Redirect("/old/ /evil/ 200!"), "pages/p.md:3:17: error: '/old/ /evil/ 200!' contains a space, tab, line break or invisible character: write old addresses as plain paths on this site, such as /news/old-post/." },
        { Page, Redirect("/old/\\n/* /evil/ 200!"), "pages/p.md:3:17: error: '/old/\\u000A/* /evil/ 200!' contains a space, tab, line break or invisible character: write old addresses as plain paths on this site, such as /news/old-post/." },
        { Page, Redirect("/a/../../b/"), "pages/p.md:3:17: error: '/a/../../b/' contains '.' or '..' steps, which could point outside the site: write old addresses as plain paths on this site, such as /news/old-post/." },
        { Page, Redirect("/a%2A/"), "pages/p.md:3:17: error: '/a%2A/' encodes the character '*' as %2A, which may be read as part of a pattern or a step: write old addresses as plain paths on this site, such as /news/old-post/." },
        { Page, Redirect("javascript:alert(1)"), "pages/p.md:3:17: error: 'javascript:alert(1)' is not a path on this site: write old addresses as plain paths on this site, such as /news/old-post/." },
        { Page, Body(new string('>', 128) + " deep"), "pages/p.md:4:33: error: quotes or lists are nested more than 32 deep here, which markdown cannot read: use fewer levels ('>' or list items inside each other)." },
        { Page, Body(string.Join("\n", Enumerable.Range(0, 3000).Select(i => new string(' ', 2 * i) + "- item"))), "pages/p.md:1:1: error: this file is 8807 KB; ImpactSite reads text files of up to 256 KB (about 40,000 words): split it into several pages, or publish the document as a PDF under assets/ and link to it." },
        { Page, Body(string.Join("\n", Enumerable.Range(0, 40).Select(i => new string(' ', 2 * i) + "- item"))), "pages/p.md:36:65: error: quotes or lists are nested more than 32 deep here, which markdown cannot read: use fewer levels ('>' or list items inside each other)." },
        { Page, Body(R("- ", 40) + "x"), "pages/p.md:4:65: error: quotes or lists are nested more than 32 deep here, which markdown cannot read: use fewer levels ('>' or list items inside each other)." },
        { Page, Body("Fine.\n\n" + R("[a](", 5000)), "pages/p.md:6:10001: error: this line is 20,000 characters long; ImpactSite reads lines of up to 10,000 characters: start a new paragraph (a blank line) every few sentences." },
        { Page, Body(new string('*', 3000) + "x" + new string('*', 3000)), "pages/p.md:4:1: error: this text could not be read as markdown (Markdown elements in the input are too deeply nested - depth limit exceeded. Input is most likely not sensible or is a very large table): look for brackets, '*' or '_' marks, or quotes nested very deeply, and simplify them." },
        { Page, Body(new string('[', 200) + "x"), "pages/p.md:4:1: error: this text could not be read as markdown (Markdown elements in the input are too deeply nested - depth limit exceeded. Input is most likely not sensible or is a very large table): look for brackets, '*' or '_' marks, or quotes nested very deeply, and simplify them." },
        { Page, "---\ntitle: P\ntags: " + new string('[', 20000) + new string(']', 20000) + "\n---\n", "pages/p.md:3:70: error: lists and groups of keys are nested more than 64 deep here, which ImpactSite does not read: front matter needs two or three levels at most." },
        { "people.yml", "- id: ana\n  credit: name\n  name: Ana Testperson\n  role: " + R("{a: ", 5000) + "1" + new string('}', 5000) + "\n", "people.yml:4:257: error: lists and groups of keys are nested more than 64 deep here, which ImpactSite does not read: front matter needs two or three levels at most." },
        { "studies/alpha/decisions/d.md", "---\ntitle: D\nraised: 2025-01-10\nyou_said: \"" + new string('>', 100) + " x\"\nstatus: open\n---\n", "studies/alpha/decisions/d.md:4:43: error: quotes or lists are nested more than 32 deep here, which markdown cannot read: use fewer levels ('>' or list items inside each other)." },
        { "assets/page.html", "<script>alert(1)</script>", "assets/page.html:1:1: error: a '.html' file can run in a reader's browser (or on the web server) as part of this site, so it is not published: publish the document as a PDF, or the picture as a PNG or JPEG, instead." },
        { "assets/app.MJS", "alert(1)", "assets/app.MJS:1:1: error: a '.mjs' file can run in a reader's browser (or on the web server) as part of this site, so it is not published: publish the document as a PDF, or the picture as a PNG or JPEG, instead." },
        { "assets/feed.xml", "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script>", "assets/feed.xml:1:1: error: a '.xml' file can run in a reader's browser (or on the web server) as part of this site, so it is not published: publish the document as a PDF, or the picture as a PNG or JPEG, instead." },
        { "assets/logo.svgz", "x", "assets/logo.svgz:1:1: error: a compressed SVG (.svgz) cannot be checked for scripts, so it is not published: save the picture as a plain .svg or a .png instead." },
        { "assets/notes.txt", "\uFEFF  <!DOCTYPE html><script>alert(1)</script>", "assets/notes.txt:1:1: error: this file starts like a web page or XML ('<!doctype'), which a browser could run as part of this site whatever the file is called, so it is not published: publish it as a PDF instead." },
        { "assets/upload", "<svg onload=alert(1)>", "assets/upload:1:1: error: this file starts like a web page or XML ('<svg'), which a browser could run as part of this site whatever the file is called, so it is not published: publish it as a PDF instead." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_attack_gets_its_exact_located_message_within_seconds(string path, string content, string expected)
    {
        using var temp = new TempSite();
        temp.Study("alpha").Write("pages/other.md", "---\ntitle: Other\ncolour: blue\n---\nStill read.\n").Write(path, content);
        var clock = Stopwatch.StartNew();
        var site = await Task.Run(() => temp.Build()).WaitAsync(Seconds);
        var lines = site.Result.Diagnostics.Select(d => d.Format("")).ToList();
        Assert.Contains(expected, lines);
        Assert.Empty(site.Files);
        Assert.Contains("pages/other.md:3:1: warning: unknown key 'colour' is ignored: check its spelling against docs/content-guide.md, or remove it.", lines);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_50_MB_markdown_file_is_refused_without_being_read()
    {
        using var temp = new TempSite();
        temp.Study("alpha").Write("pages/other.md", "---\ntitle: Other\n---\nStill read.\n");
        using (var huge = File.Create(Path.Combine(temp.Input, "pages", "huge.md"))) huge.SetLength(50L * 1024 * 1024);
        var before = GC.GetTotalAllocatedBytes();
        var site = await Task.Run(() => temp.Build()).WaitAsync(Seconds);
        Assert.Contains("pages/huge.md:1:1: error: this file is 51200 KB; ImpactSite reads text files of up to 256 KB (about 40,000 words): split it into several pages, or publish the document as a PDF under assets/ and link to it.",
            site.Result.Diagnostics.Select(d => d.Format("")));
        Assert.True(GC.GetTotalAllocatedBytes() - before < 40L * 1024 * 1024, "the build read the file it refused");

        File.Delete(Path.Combine(temp.Input, "pages", "huge.md"));
        var fixedSite = temp.Build();
        Assert.True(fixedSite.Result.Succeeded, fixedSite.Errors);
        Assert.Contains("Still read.", fixedSite.Page("/other/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void A_file_just_under_the_limit_builds()
    {
        using var temp = new TempSite();
        var paragraph = "The panel asked for shorter letters, and the team rewrote them with the panel's help.\n\n";
        temp.Write("pages/long.md", Body(R(paragraph, 250 * 1024 / paragraph.Length)));
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Contains("shorter letters", site.Page("/long/").QuerySelector("main")!.TextContent);
    }
}
