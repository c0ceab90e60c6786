using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ImpactSite.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImpactSite.BrowserTests;

/// <summary>
/// axe-core finds no WCAG 2.2 A/AA violation on any page of the sample site, in light and in dark mode, on a phone
/// (320 px) and a laptop (1280 px), with and without the reader options.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(SiteFixture site, ITestOutputHelper output)
{
    public static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    static AxeRunOptions WcagOnly() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
        // Only violations come back in full: passes on every node would be serialised for nothing.
        ResultTypes = [ResultType.Violations],
    };

    /// <summary>
    /// Runs axe-core on the page. "Legacy" mode runs axe.run in the page itself; the default mode (runPartial, then
    /// finishRun in a fresh blank page) is about five times slower and only matters for cross-origin iframes, which
    /// this site has none of.
    /// If a later package drops legacy mode, switch to page.RunAxe(WcagOnly()): same results, slower.
    /// </summary>
#pragma warning disable CS0618 // RunAxeLegacy is marked "being removed in the future"; this package version is pinned.
    public static Task<AxeResult> RunAxeAsync(IPage page) => page.RunAxeLegacy(null, WcagOnly(), null);
#pragma warning restore CS0618

    [BrowserTheory]
    [InlineData("light", 320)]
    [InlineData("dark", 320)]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    public async Task Every_page_has_no_axe_violations(string scheme, int width)
    {
        site.EnsureStarted();
        var clock = Stopwatch.StartNew();
        await using var context = await site.NewContextAsync(new()
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });

        var failures = await site.ForEachPageAsync(context, site.Pages, async (page, sitePage) =>
        {
            if (!await page.EvaluateAsync<bool>($"() => matchMedia('(prefers-color-scheme: {scheme})').matches"))
                return [$"{sitePage.Url}: the browser did not take the {scheme} colour scheme."];
            return Describe(sitePage.Url, await RunAxeAsync(page));
        });

        output.WriteLine($"{site.Pages.Count} pages checked with axe ({scheme}, {width} px) in {clock.Elapsed.TotalSeconds:F1}s.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} problem(s) in {scheme} mode at {width} px (axe rules tagged {string.Join(", ", WcagTags)}):\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>The reader options must not break contrast or anything else: every page, both options on.</summary>
    [BrowserTheory]
    [InlineData("light", 320)]
    [InlineData("dark", 320)]
    [InlineData("light", 1280)]
    [InlineData("dark", 1280)]
    public async Task With_larger_text_and_high_contrast_every_page_has_no_axe_violations(string scheme, int width)
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync(new()
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
        });
        // Turn both options on once, as a reader would; the site remembers them for every other page.
        var first = await site.OpenAsync(context, site.Pages.First(p => !p.IsRedirect));
        foreach (var name in new[] { "Larger text", "High contrast" })
        {
            var button = first.GetByRole(AriaRole.Button, new() { Name = name });
            await button.ClickAsync();
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        }
        await first.CloseAsync();

        var pages = site.Pages.Where(p => !p.IsRedirect).ToList();
        var failures = await site.ForEachPageAsync(context, pages, async (page, sitePage) =>
        {
            var pressed = await page.Locator("[aria-pressed='true']").CountAsync();
            if (pressed < 2) return [$"{sitePage.Url}: the reader options were not remembered ({pressed} of 2 buttons pressed)."];
            await page.WaitForNextFrameAsync();
            return Describe(sitePage.Url, await RunAxeAsync(page));
        });

        output.WriteLine($"{pages.Count} pages checked with axe ({scheme}, {width} px, larger text and high contrast).");
        Assert.True(failures.Count == 0,
            $"{failures.Count} problem(s) in {scheme} mode at {width} px with Larger text and High contrast on:\n\n" + string.Join("\n\n", failures));
    }

    /// <summary>The check itself works: on a page given known faults, axe (as run here) reports them.</summary>
    [BrowserFact]
    public async Task The_axe_check_reports_known_faults()
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync();
        var page = await site.OpenAsync(context, site.Pages.First(p => !p.IsRedirect));
        await page.EvaluateAsync("""
            () => {
              const main = document.querySelector("main");
              const faint = document.createElement("p");
              faint.textContent = "Faint text that nobody can read";
              faint.style.color = "#999999";
              faint.style.backgroundColor = "#ffffff";
              main.appendChild(faint);
              main.appendChild(document.createElement("input"));
              const img = document.createElement("img");
              img.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
              main.appendChild(img);
            }
            """);
        var ids = (await RunAxeAsync(page)).Violations.Select(v => v.Id).ToList();
        Assert.Contains("color-contrast", ids);
        Assert.Contains("label", ids);
        Assert.Contains("image-alt", ids);
    }

    /// <summary>One message per violated rule on a page: URL, rule, impact, help, and every element it failed on.</summary>
    public static IEnumerable<string> Describe(string url, AxeResult result) =>
        result.Violations.Select(v =>
            $"{url}: {v.Id} ({v.Impact}): {v.Help}\n  {v.HelpUrl}\n" +
            string.Join("\n", v.Nodes.Select(n =>
                $"  - {n.Target}\n    {Shorten(n.Html)}\n    {Shorten(Summary(n))}")));

    /// <summary>What axe says is wrong with one element: the messages of its failed checks.</summary>
    static string Summary(AxeResultNode node) =>
        string.Join(" / ", new[] { node.Any, node.All, node.None }
            .Where(checks => checks is not null)
            .SelectMany(checks => checks!)
            .Select(check => check.Message)
            .Where(message => !string.IsNullOrWhiteSpace(message))
            .Distinct());

    static string Shorten(string? text) =>
        text is null ? "" : text.Length <= 300 ? text : text[..300] + "…";
}
