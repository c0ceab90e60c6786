using System.Net;
using ImpactSite.BrowserTests.Support;

namespace ImpactSite.BrowserTests;

/// <summary>The test server behaves like a static host, and no test request leaves the machine.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HarnessTests(SiteFixture site)
{
    [BrowserFact]
    public async Task The_server_serves_clean_addresses_and_a_404_page()
    {
        site.EnsureStarted();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var home = await http.GetAsync(site.Url("/"));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);

        var css = await http.GetAsync(site.Url("/theme/css/site.css"));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        var folder = await http.GetAsync(site.Url("/studies"));
        Assert.Equal(HttpStatusCode.MovedPermanently, folder.StatusCode);
        Assert.Equal("/studies/", folder.Headers.Location?.OriginalString);

        var missing = await http.GetAsync(site.Url("/no/such/page/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(site.OutputDir, "404.html")), await missing.Content.ReadAsStringAsync());

        var outside = await http.GetAsync(site.Url("/%2e%2e/%2e%2e/etc/passwd"));
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [BrowserFact]
    public async Task A_redirect_page_stays_on_the_test_server()
    {
        site.EnsureStarted();
        var redirect = site.Pages.FirstOrDefault(p => p.IsRedirect);
        if (redirect is null) return; // the sample site has no moved page at the moment
        await using var context = await site.NewContextAsync();
        var page = await site.OpenAsync(context, redirect);
        await page.WaitForTimeoutAsync(500);
        Assert.StartsWith(site.BaseUri.ToString(), page.Url);
        Assert.Equal(1, await page.Locator("main h1").CountAsync());
    }
}
