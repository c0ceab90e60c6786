using System.Text;
using ImpactSite.Preview;

namespace ImpactSite.Tests.Preview;

/// <summary>What the preview answers for a path, without a server: clean URLs, content types, injection, the banner.</summary>
public sealed class PreviewSiteTests
{
    const string Page = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<title>T</title>\n</head>\n<body class=\"page\">\n<main>Hello</main>\n</body>\n</html>\n";

    static PreviewSite Site(string basePath = "/", params string[] errors) => new(new Dictionary<string, byte[]>
    {
        ["index.html"] = Encoding.UTF8.GetBytes(Page),
        ["studies/alpha/index.html"] = Encoding.UTF8.GetBytes(Page.Replace("Hello", "Alpha")),
        ["404.html"] = Encoding.UTF8.GetBytes(Page.Replace("Hello", "Page not found")),
        ["studies/alpha/evidence.json"] = "{}"u8.ToArray(),
        ["assets/images/x.png"] = [0x89, 0x50],
    }, basePath, errors, "b-7");

    static string Text(PreviewResponse response) => Encoding.UTF8.GetString(response.Body);

    [Theory]
    [InlineData("/", 200, "Hello")]
    [InlineData("/studies/alpha/", 200, "Alpha")]
    [InlineData("/studies/alpha/index.html", 200, "Alpha")]
    [InlineData("/studies/beta/", 404, "Page not found")]
    [InlineData("/studies/alpha/evidence.json/", 404, "Page not found")]
    public void Clean_urls_serve_index_html_and_anything_missing_is_the_404_page(string path, int status, string text)
    {
        var response = Site().Respond(path);
        Assert.Equal(status, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Contains(text, Text(response));
        Assert.Contains("<script src=\"/__impactsite/reload.js\" data-build=\"b-7\" defer></script>", Text(response));
    }

    [Fact]
    public void A_folder_without_its_slash_redirects_keeping_the_query()
    {
        var response = Site().Respond("/studies/alpha", "?x=1");
        Assert.Equal(302, response.Status);
        Assert.Equal("/studies/alpha/?x=1", response.Location);
    }

    [Theory]
    [InlineData("/studies/alpha/evidence.json", "application/json; charset=utf-8")]
    [InlineData("/assets/images/x.png", "image/png")]
    public void Other_files_are_served_as_built_with_their_content_type(string path, string type)
    {
        var response = Site().Respond(path);
        Assert.Equal(200, response.Status);
        Assert.Equal(type, response.ContentType);
        Assert.Equal(Site().Files![path.TrimStart('/')], response.Body);
    }

    [Theory]
    [InlineData("a.html", "text/html; charset=utf-8")]
    [InlineData("a.css", "text/css; charset=utf-8")]
    [InlineData("a.js", "text/javascript; charset=utf-8")]
    [InlineData("a.json", "application/json; charset=utf-8")]
    [InlineData("feed.xml", "application/xml; charset=utf-8")]
    [InlineData("a.PNG", "image/png")]
    [InlineData("a.jpg", "image/jpeg")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("a.gif", "image/gif")]
    [InlineData("a.webp", "image/webp")]
    [InlineData("a.svg", "image/svg+xml")]
    [InlineData("a.csv", "text/csv; charset=utf-8")]
    [InlineData("a.txt", "text/plain; charset=utf-8")]
    [InlineData("_redirects", "text/plain; charset=utf-8")]
    [InlineData("a.unknownkind", "application/octet-stream")]
    public void Content_types(string path, string type) => Assert.Equal(type, ImpactSite.Render.OutputFormat.For(path).MediaType);

    [Fact]
    public void The_script_goes_before_the_end_of_head_and_the_built_file_is_left_alone()
    {
        var site = Site();
        var served = Text(site.Respond("/"));
        Assert.Equal(Page.Replace("</head>", "<script src=\"/__impactsite/reload.js\" data-build=\"b-7\" defer></script>\n</head>"), served);
        Assert.Equal(Page, Encoding.UTF8.GetString(site.Files!["index.html"]));
    }

    [Fact]
    public void Errors_are_listed_html_escaped_in_a_banner_at_the_top_of_the_body_with_its_stylesheet()
    {
        const string error = "input/posts/x.md:3:1: error: '<script>alert(\"x\")</script>' & more";
        var served = Text(Site("/", error).Respond("/studies/alpha/"));
        Assert.Contains("<link rel=\"stylesheet\" href=\"/__impactsite/overlay.css\">\n<script src=\"/__impactsite/reload.js\"", served);
        Assert.Contains("<body class=\"page\">\n<div id=\"impactsite-preview-errors\" class=\"impactsite-preview-errors\" role=\"alert\">", served);
        Assert.Contains("<li><code>input/posts/x.md:3:1: error: &#39;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; &amp; more</code></li>", served);
        Assert.DoesNotContain("<script>alert", served);
        Assert.Contains("1 error.", served);
        Assert.Contains("Alpha", served);
    }

    [Fact]
    public void Before_any_build_succeeds_every_address_shows_the_errors()
    {
        var site = new PreviewSite(null, "/", ["input/site.yml:1:1: error: no title"], "b-1");
        var response = site.Respond("/anything/");
        Assert.Equal(500, response.Status);
        Assert.Contains("input/site.yml:1:1: error: no title", Text(response));
        Assert.Contains("/__impactsite/reload.js", Text(response));
    }

    [Fact]
    public void A_failed_build_keeps_the_files_of_the_last_good_one()
    {
        var good = Site();
        var failed = good.WithErrors(["input/a.md:1:1: error: x"], "b-8");
        Assert.Same(good.Files, failed.Files);
        Assert.Equal("b-8", failed.Build);
        Assert.Contains("impactsite-preview-errors", Text(failed.Respond("/")));
    }

    [Theory]
    [InlineData("/", 302, "/ppi/")]
    [InlineData("/ppi", 302, "/ppi/")]
    [InlineData("/ppi/", 200, null)]
    [InlineData("/ppi/studies/alpha/", 200, null)]
    [InlineData("/studies/alpha/", 404, null)]
    public void A_base_url_with_a_path_is_served_under_that_path(string path, int status, string? location)
    {
        var response = Site("/ppi/").Respond(path);
        Assert.Equal(status, response.Status);
        Assert.Equal(location, response.Location);
    }

    [Theory]
    [InlineData("studies/alpha/index.md", true, false)]
    [InlineData("studies/alpha/_notes.md", true, true)]
    [InlineData("_drafts/x.md", true, true)]
    [InlineData("posts/.x.md.swp", true, true)]
    [InlineData("posts/x.md~", true, true)]
    [InlineData("posts/4913", true, true)]
    [InlineData(".git/index", true, true)]
    [InlineData("layouts/_base.liquid", false, false)]
    [InlineData("static/css/.site.css.tmp", false, true)]
    public void Editor_scratch_files_and_ignored_input_files_do_not_trigger_a_build(string path, bool isInput, bool ignored) =>
        Assert.Equal(ignored, SiteWatcher.Ignored(path, isInput));
}
