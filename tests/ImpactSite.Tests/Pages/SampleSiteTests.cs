using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Pages;

/// <summary>The sample site builds, publishes every URL in the contract, and every page has the structure readers rely on.</summary>
public sealed class SampleSiteTests(SampleSite sample) : IClassFixture<SampleSite>
{
    readonly BuiltSite site = sample.Site;

    [Fact]
    public void Sample_site_builds_without_errors() => Assert.True(site.Result.Succeeded, site.Errors);

    [Theory]
    [InlineData("index.html")]
    [InlineData("studies/index.html")]
    [InlineData("studies/bridge/index.html")]
    [InlineData("studies/bridge/decisions/index.html")]
    [InlineData("studies/bridge/decisions/plain-english-letters/index.html")]
    [InlineData("studies/bridge/meetings/index.html")]
    [InlineData("studies/bridge/meetings/2025-03-12-leap-north/index.html")]
    [InlineData("studies/bridge/evidence.csv")]
    [InlineData("studies/bridge/evidence.json")]
    [InlineData("studies/steady-steps/index.html")]
    [InlineData("studies/steady-steps/evidence.json")]
    [InlineData("blog/index.html")]
    [InlineData("blog/rewriting-the-bridge-letters/index.html")]
    [InlineData("about/index.html")]
    [InlineData("privacy/index.html")]
    [InlineData("accessibility/index.html")]
    [InlineData("feed.xml")]
    [InlineData("sitemap.xml")]
    [InlineData("search/index.html")]
    [InlineData("404.html")]
    [InlineData("assets/images/bridge-drawing.png")]
    [InlineData("assets/files/meeting-summary-template.txt")]
    public void Publishes_every_contract_url(string path) => Assert.True(site.Has(path), $"{path} missing");

    [Fact]
    public void Every_page_has_language_title_one_h1_one_main_header_nav_and_footer()
    {
        foreach (var path in site.HtmlPaths)
        {
            var page = site.Page("/" + path);
            Assert.False(string.IsNullOrWhiteSpace(page.DocumentElement.GetAttribute("lang")), path);
            Assert.False(string.IsNullOrWhiteSpace(page.Title), path);
            Assert.Single(page.QuerySelectorAll("h1"));
            Assert.Single(page.QuerySelectorAll("main"));
            if (path.Contains("news/")) continue; // redirect fallback pages are a bare notice
            Assert.NotNull(page.QuerySelector("header"));
            Assert.NotNull(page.QuerySelector("nav"));
            Assert.NotNull(page.QuerySelector("footer"));
        }
    }

    /// <summary>The dates come from a partial: nothing it ends with may stand between them and the full stop after them.</summary>
    [Fact]
    public void A_study_page_states_its_dates_and_funder_as_one_sentence()
    {
        var facts = site.Page("/studies/bridge/").QuerySelector(".study-facts")!.TextContent;
        Assert.Contains("Started 6 January 2025. Funded by Hollinsby Mental Health Research Trust.", facts);
        Assert.DoesNotContain(" .", facts);
    }

    [Fact]
    public void Pages_load_no_inline_scripts_or_styles()
    {
        foreach (var path in site.HtmlPaths)
        {
            var page = site.Page("/" + path);
            // A JSON-LD data block is data, never run, so it needs no 'unsafe-inline'.
            Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.True(s.HasAttribute("src"), $"inline script in {path}"));
            Assert.Empty(page.QuerySelectorAll("style"));
            Assert.Empty(page.QuerySelectorAll("[style]"));
        }
    }

    [Fact]
    public void Decision_page_shows_what_was_said_done_by_whom_when_and_where()
    {
        var text = site.Page("/studies/bridge/decisions/text-reminders/").Body!.TextContent;
        var page = site.Page("/studies/bridge/decisions/text-reminders/");
        Assert.Contains("Not adopted", text);
        Assert.Contains("18 June 2025", text); // raised
        Assert.NotNull(page.QuerySelector("a[href='/studies/bridge/meetings/2025-06-18-carers-circle/']"));
        var shorter = site.Page("/studies/bridge/decisions/shorter-consent-form/").Body!.TextContent;
        Assert.Contains("Partly adopted", shorter);
    }

    [Fact]
    public void Meeting_page_credits_chair_and_attendees_only_as_consented()
    {
        var page = site.Page("/studies/bridge/meetings/2025-03-12-leap-north/");
        var who = page.QuerySelectorAll(".summary-list__row")
            .Single(row => row.QuerySelector("dt")!.TextContent == "Who came").QuerySelector("dd")!.TextContent;
        // Each attendee as they chose: by name, by pseudonym, by role; and the two who came but are not listed.
        Assert.Equal("Priya Fennimore (LEAP member), Kestrel (Service user researcher), Blue Heron (LEAP member), a LEAP member, " +
            "Rowan Ashby-Tell (PPI co-ordinator), Dr Dell Okonkwo-Vane (Chief investigator, BRIDGE) and Hallam Steyne-Oduya " +
            "(Research assistant) and 2 other people who chose not to be listed", who);
        var text = page.Body!.TextContent;
        Assert.Contains("Priya Fennimore (LEAP member)", page.QuerySelectorAll(".summary-list__row")
            .Single(row => row.QuerySelector("dt")!.TextContent == "Chair").TextContent);
        // The stored names of the pseudonymous and role-only attendees appear nowhere, nor do ids typed as mentions.
        Assert.DoesNotContain("Pellowe-Standish", text);
        Assert.DoesNotContain("Tamblyn-Feaver", text);
        Assert.DoesNotContain("@", text.Replace("@northmoor.example", ""));
    }

    [Fact]
    public void Post_credits_every_author_and_shows_the_content_note_before_the_body()
    {
        var page = site.Page("/blog/after-the-crisis-team/");
        var main = page.QuerySelector("main")!.InnerHtml;
        var note = main.IndexOf("Content note", StringComparison.OrdinalIgnoreCase);
        Assert.True(note >= 0, "content note missing");
        Assert.Contains("Kestrel (Service user researcher)", page.Body!.TextContent);
        Assert.Contains("Dell Okonkwo-Vane", page.Body.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/studies/bridge/']"));
    }

    /// <summary>A description read before the entry's prose was rendered would be empty, and the site's own would show.</summary>
    [Theory]
    [InlineData("/studies/bridge/", "BRIDGE is testing whether a peer worker")]
    [InlineData("/studies/bridge/decisions/plain-english-letters/", "The invitation letter reads like a letter from a solicitor.")]
    [InlineData("/blog/rewriting-the-bridge-letters/", "Two LEAP North members and our PPI co-ordinator")]
    [InlineData("/studies/bridge/meetings/2025-03-12-leap-north/", "LEAP North meeting for BRIDGE")]
    public void Entry_pages_are_described_by_their_own_summary(string route, string start)
    {
        var page = site.Page(route);
        Assert.StartsWith(start, page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.StartsWith(start, page.QuerySelector("meta[property='og:description']")!.GetAttribute("content"));
    }

    [Fact]
    public void Relative_markdown_links_become_page_urls()
    {
        var hrefs = site.Page("/blog/rewriting-the-bridge-letters/").QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/studies/bridge/decisions/plain-english-letters/", hrefs);
        Assert.DoesNotContain(hrefs, h => h!.EndsWith(".md"));
    }

    [Fact]
    public void Images_keep_their_alt_text_and_are_published()
    {
        var img = site.Page("/blog/rewriting-the-bridge-letters/").QuerySelector("main img")!;
        Assert.Equal("/assets/images/bridge-drawing.png", img.GetAttribute("src"));
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
    }

    [Fact]
    public void Drafts_are_hidden_unless_asked_for()
    {
        Assert.False(site.Has("blog/steady-steps-getting-started/index.html"));
        Assert.DoesNotContain("steady-steps-getting-started", site.Text("sitemap.xml"));
        Assert.DoesNotContain("steady-steps-getting-started", site.Text("feed.xml"));
        Assert.DoesNotContain("steady-steps-getting-started", site.Text("blog/index.html"));
        Assert.True(sample.WithDrafts.Has("blog/steady-steps-getting-started/index.html"));
    }

    [Fact]
    public void Ignored_files_are_not_published()
    {
        Assert.DoesNotContain(site.Files.Keys, k => k.Contains("template-notes"));
    }
}
