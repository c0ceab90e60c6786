using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content.Settings;

namespace ImpactSite.Tests.Pages;

/// <summary>Full addresses are joined as text for speed, and must be exactly what System.Uri resolves them to.</summary>
public sealed class AbsoluteUrlTests
{
    static readonly string[] Routes =
    [
        "/", "/studies/", "/studies/bridge/", "/studies/bridge/decisions/plain-english-letters/", "/404.html", "/feed.xml",
        "/sitemap.xml", "/studies/bridge/feed.xml", "/blog/2025-03-12-leap-north/",
        // Old addresses in redirect_from may hold anything a site path can: System.Uri escapes or resolves these.
        "/news/café/", "/news:1/", "/news/50%25-off/", "/news/%41/", "/old/.hidden/", "/Old_Path~1/", "/a./b../",
    ];

    [Theory]
    [InlineData("https://impact.example.org/")]
    [InlineData("https://impact.example.org")]
    [InlineData("https://Impact.Example.ORG:443/ppi")]
    [InlineData("http://localhost:8080/sites/impact/")]
    [InlineData("https://example.org/imp%C3%A9/")]
    [InlineData("https://example.org/impé/")]
    public void Every_route_joins_to_what_system_uri_resolves(string baseUrl)
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteSettingsReader.Read(YamlFields.Load("site.yml", $"title: T\nbase_url: {baseUrl}\n", 0, diagnostics))!;
        Assert.False(diagnostics.HasErrors);
        foreach (var route in Routes)
            Assert.Equal(new Uri(site.BaseUrl, route.TrimStart('/')).AbsoluteUri, site.Absolute(route));
    }
}
