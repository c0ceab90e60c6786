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
    public void Netlify_sends_the_other_security_headers_to_every_page_but_leaves_the_policy_to_the_builds_headers()
    {
        var config = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(Path.Combine(Repo.Root, "netlify.toml")), (TomlSerializerOptions?)null)!;
        Assert.Equal("output", ((TomlTable)config["build"])["publish"]);
        var rules = ((TomlTableArray)config["headers"]).ToList();
        var values = (TomlTable)rules.Single(h => (string)h["for"] == "/*")["values"];
        Assert.Equal("nosniff", values["X-Content-Type-Options"]);
        Assert.False(string.IsNullOrEmpty((string)values["Referrer-Policy"]));
        Assert.Contains("geolocation=()", (string)values["Permissions-Policy"]);
        // "/*" matches /admin/ too: a policy here would reach the editor beside its own, and both would be enforced.
        Assert.All(rules, rule => Assert.False(((TomlTable)rule["values"]).ContainsKey("Content-Security-Policy"), (string)rule["for"]));
    }

    /// <summary>Netlify's _headers: a path line, then indented "Name: value" lines.</summary>
    static List<(string Path, Dictionary<string, string> Values)> HeaderRules(string text)
    {
        var rules = new List<(string, Dictionary<string, string>)>();
        foreach (var line in text.Split('\n').Where(l => l.Trim().Length > 0 && !l.StartsWith('#')))
        {
            if (!char.IsWhiteSpace(line[0])) rules.Add((line, new Dictionary<string, string>()));
            else rules[^1].Item2[line.Trim()[..line.Trim().IndexOf(':')]] = line.Trim()[(line.Trim().IndexOf(':') + 2)..];
        }
        return rules;
    }

    /// <summary>Netlify's matching: '*' stands for anything, slashes included.</summary>
    static bool Matches(string rule, string address) =>
        System.Text.RegularExpressions.Regex.IsMatch(address, "^" + System.Text.RegularExpressions.Regex.Escape(rule).Replace("\\*", ".*") + "$");

    [Fact]
    public void Every_published_address_gets_exactly_one_content_security_policy_strict_except_for_the_editor()
    {
        var rules = HeaderRules(sample.Site.Text("_headers")).Where(r => r.Values.ContainsKey("Content-Security-Policy")).ToList();
        var addresses = sample.Site.Files.Keys.Select(p => "/" + (p.EndsWith("index.html", StringComparison.Ordinal) ? p[..^"index.html".Length] : p))
            .Where(a => a != "/_headers").ToList();
        Assert.Contains("/admin/", addresses);
        Assert.Contains("/about/", addresses);
        Assert.Contains(addresses, a => a.StartsWith("/assets/", StringComparison.Ordinal));
        foreach (var address in addresses)
        {
            var policy = Assert.Single(rules, r => Matches(r.Path, address)).Values["Content-Security-Policy"];
            if (address.StartsWith("/admin/", StringComparison.Ordinal))
            {
                Assert.Contains("script-src 'self' https://unpkg.com/decap-cms@", policy);
                Assert.Contains("frame-ancestors 'none'", policy);
                continue;
            }
            if (address.StartsWith("/assets/", StringComparison.Ordinal))
            {
                Assert.StartsWith("sandbox; default-src 'none'", policy); // contributed files never run
                continue;
            }
            Assert.Contains("script-src 'self';", policy);
            Assert.Contains("frame-ancestors 'none'", policy);
            Assert.Contains("object-src 'none'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.DoesNotContain("unsafe-eval", policy);
        }
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
