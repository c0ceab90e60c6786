using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using CsvHelper;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Impact;

public sealed class EvidenceTests
{
    static JsonElement Summary(BuiltSite site, string study) =>
        JsonDocument.Parse(site.Text($"studies/{study}/evidence.json")).RootElement.GetProperty("summary");

    [Fact]
    public void Evidence_json_figures_match_hand_computed_values()
    {
        using var temp = FigureFixtures.Mixed();
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var s = Summary(site, "alpha");
        Assert.Equal(2, s.GetProperty("meetings").GetInt32());
        Assert.Equal(6, s.GetProperty("suggestions").GetInt32());
        Assert.Equal(4, s.GetProperty("responded").GetInt32());
        Assert.Equal(1, s.GetProperty("open").GetInt32());
        Assert.Equal(1, s.GetProperty("considering").GetInt32());
        Assert.Equal(2, s.GetProperty("adopted").GetInt32());
        Assert.Equal(1, s.GetProperty("partly_adopted").GetInt32());
        Assert.Equal(1, s.GetProperty("not_adopted").GetInt32());
        Assert.Equal(1, s.GetProperty("overdue").GetInt32());
        Assert.Equal(45, s.GetProperty("median_days_to_response").GetDouble());
    }

    [Fact]
    public void Evidence_json_has_the_contract_shape_with_credits_not_ids()
    {
        using var temp = FigureFixtures.Mixed();
        var root = JsonDocument.Parse(temp.Build().Text("studies/alpha/evidence.json")).RootElement;
        var study = root.GetProperty("study");
        Assert.Equal("alpha", study.GetProperty("slug").GetString());
        Assert.Equal("https://impact.test.example/studies/alpha/", study.GetProperty("url").GetString());
        Assert.Equal("active", study.GetProperty("status").GetString());
        Assert.Equal("Test Fund", study.GetProperty("funder").GetString());
        Assert.Equal("TF-001", study.GetProperty("funder_reference").GetString());
        Assert.Equal("2026-11-23", root.GetProperty("generated").GetString());

        var d1 = root.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("slug").GetString() == "d1");
        Assert.Equal(["Ana Testperson (LEAP member)", "Kite (Service user researcher)"],
            d1.GetProperty("raised_by").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal("2025-01-10", d1.GetProperty("raised").GetString());
        Assert.Equal("m1", d1.GetProperty("raised_at").GetString());
        Assert.Equal("adopted", d1.GetProperty("status").GetString());
        Assert.Equal("Did it.", d1.GetProperty("we_did").GetString());
        Assert.Equal("2025-02-09", d1.GetProperty("responded").GetString());
        Assert.Equal(30, d1.GetProperty("days_to_response").GetInt32());
        Assert.Equal(JsonValueKind.Null, d1.GetProperty("reason").ValueKind);
        Assert.Equal(["impact"], d1.GetProperty("standards").EnumerateArray().Select(x => x.GetString()!).ToArray());
        Assert.Equal("https://impact.test.example/studies/alpha/meetings/m1/", d1.GetProperty("url_of_meeting").GetString());
        Assert.Equal("https://impact.test.example/studies/alpha/decisions/d1/", d1.GetProperty("url").GetString());
    }

    [Fact]
    public void Evidence_csv_has_one_row_per_decision_with_lists_joined()
    {
        using var temp = FigureFixtures.Mixed();
        using var reader = new CsvReader(new StringReader(temp.Build().Text("studies/alpha/evidence.csv")), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal(["slug", "url", "title", "raised", "raised_at", "raised_by", "you_said", "status", "we_did", "responded",
            "days_to_response", "reason", "decided_by", "standards", "url_of_meeting", "stage"], rows[0].Keys.ToArray());
        var d1 = rows.Single(r => (string)r["slug"] == "d1");
        Assert.Equal("Ana Testperson (LEAP member); Kite (Service user researcher)", d1["raised_by"]);
        Assert.Equal("30", d1["days_to_response"]);
    }

    [Fact]
    public void Study_with_no_decisions_has_zero_figures_and_no_median()
    {
        using var temp = new TempSite();
        temp.Study("empty");
        var s = Summary(temp.Build(), "empty");
        Assert.Equal(0, s.GetProperty("suggestions").GetInt32());
        Assert.Equal(0, s.GetProperty("meetings").GetInt32());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("median_days_to_response").ValueKind);
    }

    [Fact]
    public void Study_with_no_responses_counts_waiting_entries_and_has_no_median()
    {
        using var temp = new TempSite();
        temp.Study("waiting")
            .Decision("waiting", "a", "2026-10-01", "status: open")
            .Decision("waiting", "b", "2026-11-20", "status: considering");
        var s = Summary(temp.Build(), "waiting");
        Assert.Equal(2, s.GetProperty("suggestions").GetInt32());
        Assert.Equal(0, s.GetProperty("responded").GetInt32());
        Assert.Equal(0, s.GetProperty("overdue").GetInt32());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("median_days_to_response").ValueKind);
    }

    [Fact]
    public void Overdue_uses_the_build_date_and_overdue_after_days()
    {
        using var temp = new TempSite();
        temp.Study("late")
            .Decision("late", "a", "2026-01-01", "status: open")
            .Decision("late", "b", "2026-02-01", "status: considering")
            .Decision("late", "c", "2026-08-24", "status: open"); // exactly 91 days before 2026-11-23
        Assert.Equal(3, Summary(temp.Build(), "late").GetProperty("overdue").GetInt32());
        Assert.Equal(2, Summary(temp.Build(new DateOnly(2026, 11, 22)), "late").GetProperty("overdue").GetInt32());
    }

    [Fact]
    public void Atom_feed_lists_posts_and_decisions_and_a_decision_is_updated_when_answered()
    {
        using var temp = FigureFixtures.Mixed();
        temp.Write("posts/hello.md", "---\ntitle: Hello\ndate: 2025-05-01\nauthors: [ana, kite]\nstudy: alpha\n---\nHi.");
        var site = temp.Build();
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(site.Text("feed.xml"));
        Assert.Equal("2026-11-23T00:00:00Z", feed.Root!.Element(atom + "updated")!.Value); // the build date
        var entries = feed.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(7, entries.Count);
        var d1 = entries.Single(e => e.Element(atom + "id")!.Value.EndsWith("/decisions/d1/"));
        Assert.Equal("2025-02-09T00:00:00Z", d1.Element(atom + "updated")!.Value);
        Assert.Equal("2025-01-10T00:00:00Z", d1.Element(atom + "published")!.Value);
        var post = entries.Single(e => e.Element(atom + "id")!.Value.EndsWith("/blog/hello/"));
        Assert.Equal(["Ana Testperson (LEAP member)", "Kite (Service user researcher)"],
            post.Elements(atom + "author").Select(a => a.Element(atom + "name")!.Value).ToArray());

        var studyFeed = XDocument.Parse(site.Text("studies/alpha/feed.xml"));
        Assert.Equal(7, studyFeed.Root!.Elements(atom + "entry").Count());
    }

    [Fact]
    public void Sitemap_lists_absolute_urls_of_published_pages_only()
    {
        using var temp = FigureFixtures.Mixed();
        temp.Write("posts/draft.md", "---\ntitle: Draft\ndate: 2025-05-01\nauthors: [ana]\ndraft: true\n---\nHi.");
        var site = temp.Build();
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(site.Text("sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.All(urls, u => Assert.StartsWith("https://impact.test.example/", u));
        Assert.Contains("https://impact.test.example/studies/alpha/decisions/d1/", urls);
        Assert.Contains("https://impact.test.example/", urls);
        Assert.DoesNotContain(urls, u => u.Contains("draft"));
        Assert.DoesNotContain(urls, u => u.Contains("404"));
    }

    [Fact]
    public void Redirect_from_makes_a_host_redirect_and_an_html_fallback()
    {
        using var temp = new TempSite();
        temp.Write("pages/about.md", "---\ntitle: About us\nredirect_from: [/old/about-us/, /who.html]\n---\nHi.");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var lines = site.Text("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("/old/about-us/ /about/ 301!", lines);
        Assert.Contains("/who.html /about/ 301!", lines);
        var fallback = site.Page("/old/about-us/");
        Assert.Contains("https://impact.test.example/about/", fallback.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal("https://impact.test.example/about/", fallback.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.NotNull(fallback.QuerySelector("a[href='https://impact.test.example/about/']"));
        Assert.True(site.Has("who.html"));
    }

    [Theory]
    [InlineData("https://evil.example/x/")]
    [InlineData("//evil.example/x/")]
    [InlineData("/../../etc/passwd")]
    [InlineData("old-page")]
    public void Redirects_never_point_or_write_outside_the_site(string from)
    {
        using var temp = new TempSite();
        temp.Write("pages/about.md", $"---\ntitle: About\nredirect_from: [\"{from}\"]\n---\nHi.");
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal("pages/about.md", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Empty(site.Files);
    }
}
