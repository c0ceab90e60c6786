using System.Net;
using System.Net.Sockets;
using ImpactSite.BrowserTests.Support;
using ImpactSite.Preview;
using Microsoft.Playwright;

namespace ImpactSite.BrowserTests;

/// <summary>
/// In `preview`, a save with an error reloads the open page with the error box at the top. The browser would put the
/// reloaded page back where it was scrolled to, above which the box sat unseen: it must be in view, and focused, after
/// every such reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewErrorTests(SiteFixture site)
{
    [BrowserFact]
    public async Task After_a_broken_save_the_reloaded_page_shows_the_error_box_in_view_wherever_it_was_scrolled()
    {
        site.EnsureStarted();
        var input = Path.Combine(Path.GetTempPath(), $"impactsite-preview-browser-{Guid.NewGuid():N}");
        CopyFolder(site.InputDir, input);
        var server = new PreviewServer(new PreviewOptions(input, site.ThemeDir, FreePort()) { Today = () => SiteFixture.BuildDate });
        try
        {
            await server.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await using var context = await site.Browser.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(server.Address, "/studies/bridge/").ToString());
            var banner = page.Locator("#" + PageInjector.BannerId);
            var study = Path.Combine(input, "studies", "bridge", "index.md");
            var original = await File.ReadAllTextAsync(study);

            foreach (var broken in new[] { "status: sometime", "status: later" })
            {
                await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
                Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 2000, "the page was not scrolled down before the save");
                // The reload is the event to wait for: the preview tells the page to reload once the broken build is done.
                var reloaded = new TaskCompletionSource();
                void OnLoad(object? sender, IPage loaded) => reloaded.TrySetResult();
                page.Load += OnLoad;
                await File.WriteAllTextAsync(study, original.Replace("status: active", broken));
                await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(60));
                page.Load -= OnLoad;
                await Assertions.Expect(banner).ToBeInViewportAsync();
                await Assertions.Expect(banner).ToContainTextAsync(broken.Split(' ')[1]);
                await Assertions.Expect(banner).ToBeFocusedAsync();
            }
        }
        finally
        {
            await server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await server.DisposeAsync();
            try { Directory.Delete(input, recursive: true); } catch (IOException) { }
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
