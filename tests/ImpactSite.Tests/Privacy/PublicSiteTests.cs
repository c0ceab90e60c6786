using ImpactSite.Tests.Support;
using Tomlyn;
using Tomlyn.Model;

namespace ImpactSite.Tests.Privacy;

public sealed class PublicSiteTests(SampleSite sample) : IClassFixture<SampleSite>
{
    [Fact]
    public void Every_page_links_the_privacy_notice_and_accessibility_statement_from_its_footer()
    {
        foreach (var path in sample.Site.HtmlPaths.Where(p => !p.StartsWith("news/")))
        {
            var footer = sample.Site.Page("/" + path).QuerySelector("footer")!;
            Assert.NotNull(footer.QuerySelector("a[href='/privacy/']"));
            Assert.NotNull(footer.QuerySelector("a[href='/accessibility/']"));
        }
    }

    [Fact]
    public void Netlify_sends_a_strict_content_security_policy_and_the_other_security_headers()
    {
        var config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml")), (TomlSerializerOptions?)null)!;
        Assert.Equal("output", ((TomlTable)config["build"])["publish"]);
        var all = ((TomlTableArray)config["headers"]).Single(h => (string)h["for"] == "/*");
        var values = (TomlTable)all["values"];
        var csp = (string)values["Content-Security-Policy"];
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", values["X-Content-Type-Options"]);
        Assert.False(string.IsNullOrEmpty((string)values["Referrer-Policy"]));
        Assert.Contains("geolocation=()", (string)values["Permissions-Policy"]);
    }

    [Fact]
    public void Check_warns_about_stored_names_that_are_never_published_and_about_consent_reviews()
    {
        using var temp = new TempSite();
        File.AppendAllText(Path.Combine(temp.Input, "people.yml"),
            "\n- id: soon\n  credit: role\n  role: LEAP member\n  consent_review: 2026-12-10\n- id: late\n  credit: role\n  role: LEAP member\n  consent_review: 2026-10-01\n");
        var run = CliRunner.Invoke(temp.Root, new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1795392000" },
            "check", "--input", "input", "--theme", Repo.Theme);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("input/people.yml:8:9: warning: 'kite' is credited as \"Kite (Service user researcher)\", but people.yml also stores their name.", run.Stderr);
        Assert.Contains("input/people.yml:12:9: warning: 'quiet' is credited as \"a Carer representative\"", run.Stderr);
        Assert.Contains("input/people.yml:16:9: warning: 'gone'", run.Stderr);
        Assert.DoesNotContain("'ana' is credited", run.Stderr);
        Assert.Contains("input/people.yml:19:3: warning: consent for 'soon' must be re-confirmed by 2026-12-10 (in 17 days).", run.Stderr);
        Assert.Contains("input/people.yml:23:3: warning: consent for 'late' was due to be re-confirmed on 2026-10-01", run.Stderr);
        Assert.DoesNotContain("Zebedee Withheldname", run.Stderr + run.Stdout);
    }
}
