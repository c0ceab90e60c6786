using ImpactSite.Tests.Support;
using ImpactSite.Validate;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// A withheld name that would reach a derived output (feed, search index, home page card, evidence files, a study page
/// listing the entry) is reported once, at the file, line and column where it was typed, however it was typed there.
/// </summary>
public sealed class WhereTypedTests
{
    static Diagnostic SingleError(BuiltSite site)
    {
        Assert.False(site.Result.Succeeded);
        Assert.Empty(site.Files);
        Assert.DoesNotContain(site.Result.Errors, e => e.Path == "people.yml" || e.Path.EndsWith("index.md", StringComparison.Ordinal) && e.Line == 1);
        return Assert.Single(site.Result.Errors);
    }

    [Theory]
    [InlineData("Zebedee Withheldname", 1)]
    [InlineData("Withheldname, Zebedee", 1)]
    [InlineData("Mrs Withheldname", 5)]
    [InlineData("Dr Zebedee Q. Withheldname", 15)] // an initial between: the error points at the family name
    [InlineData("Zebedee Withheld\u00ADname", 1)]
    [InlineData("Zebedee <em>Withheld</em>name", 1)]
    [InlineData("Zebedee Withheld&shy;name", 1)]
    [InlineData("ZEBEDEE WITHHELDNAME", 1)]
    public void A_name_in_a_decisions_you_said_is_reported_where_it_was_typed(string typed, int column)
    {
        using var temp = new TempSite();
        temp.Study("alpha").Write("studies/alpha/decisions/d1.md", $"---\ntitle: Shorter forms\nraised: 2025-01-01\nyou_said: >-\n  Our member\n  {typed} asked for shorter forms.\nstatus: open\n---\n");
        var error = SingleError(temp.Build());
        Assert.Equal(("studies/alpha/decisions/d1.md", 6, 2 + column), (error.Path, error.Line, error.Column));
        Assert.Contains("'kite'", error.Message);
        // The study page, the log, the home page and the evidence files all show you_said.
        Assert.Contains("/studies/alpha/decisions/d1/index.html", error.Message);
        Assert.Contains("more", error.Message);

        temp.Write("studies/alpha/decisions/d1.md", "---\ntitle: Shorter forms\nraised: 2025-01-01\nyou_said: >-\n  Our member\n  @kite asked for shorter forms.\nstatus: open\n---\n");
        var fixedSite = temp.Build();
        Assert.True(fixedSite.Result.Succeeded, fixedSite.Errors);
        Assert.Contains("Kite (Service user researcher) asked for shorter forms", fixedSite.Text("studies/alpha/evidence.json"));
    }

    [Fact]
    public void A_name_in_a_posts_summary_is_reported_at_the_summary_not_at_the_feed()
    {
        using var temp = new TempSite();
        temp.Write("posts/p.md", "---\ntitle: Swimming\ndate: 2025-03-01\nauthors: [ana]\nsummary: How Wilhelmina Withdrawnperson started the group.\n---\nBody text.\n");
        var error = SingleError(temp.Build());
        Assert.Equal(("posts/p.md", 5, 14), (error.Path, error.Line, error.Column));
        Assert.Contains("'gone'", error.Message);
        // Its own page first, then the outputs derived from it (the blog list, the feed, the search index).
        Assert.Contains("would be published in /blog/p/index.html, ", error.Message);
    }

    [Fact]
    public void A_name_in_a_study_summary_is_reported_at_its_line_not_at_line_one()
    {
        using var temp = new TempSite();
        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha\nsummary: >-\n  Led with help from\n  Quentin Hiddensurname.\nstatus: active\n---\nAbout.\n");
        var error = SingleError(temp.Build());
        Assert.Equal(("studies/alpha/index.md", 5, 3), (error.Path, error.Line, error.Column));
        Assert.Contains("'quiet'", error.Message);
    }

    [Fact]
    public void A_name_in_the_site_description_is_reported_in_site_yml()
    {
        using var temp = new TempSite();
        temp.Write("site.yml", "title: Test\nbase_url: https://impact.test.example/\ndescription: Founded by Zebedee Withheldname.\n");
        var error = SingleError(temp.Build());
        Assert.Equal(("site.yml", 3, 25), (error.Path, error.Line, error.Column));
    }

    [Fact]
    public void A_name_in_a_slug_is_refused_and_the_error_does_not_repeat_it()
    {
        using var temp = new TempSite();
        temp.Write("posts/thanks-zebedee-withheldname.md", "---\ntitle: Thanks\ndate: 2025-01-01\nauthors: [ana]\n---\nThanks.\n");
        var site = temp.Build();
        Assert.False(site.Result.Succeeded);
        Assert.All(site.Result.Errors, e => Assert.DoesNotContain("withheldname", e.Message, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(site.Result.Errors, e => e.Message.Contains("'kite'"));

        temp.Write("posts/thanks-zebedee-withheldname.md", "---\ntitle: Thanks\ndraft: true\ndate: 2025-01-01\nauthors: [ana]\n---\nThanks.\n");
        temp.Write("posts/thanks-kite.md", "---\ntitle: Thanks\ndate: 2025-01-01\nauthors: [ana]\n---\nThanks.\n");
        var safe = temp.Build();
        Assert.True(safe.Result.Succeeded, safe.Errors);
        Assert.True(safe.Has("blog/thanks-kite/index.html"));
    }

    [Fact]
    public void A_name_in_a_redirect_is_refused()
    {
        using var temp = new TempSite();
        temp.Write("pages/about.md", "---\ntitle: About\nredirect_from: [/about-zebedee-withheldname/]\n---\nAbout us.\n");
        var site = temp.Build();
        Assert.Contains(site.Result.Errors, e => e.Path == "pages/about.md" && e.Line == 3 && e.Message.Contains("'kite'"));

        temp.Write("pages/about.md", "---\ntitle: About\nredirect_from: [/about-us/]\n---\nAbout us.\n");
        Assert.True(temp.Build().Result.Succeeded);
    }
}
