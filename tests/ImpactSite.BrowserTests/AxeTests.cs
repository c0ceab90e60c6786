using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ImpactSite.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImpactSite.BrowserTests;

/// <summary>axe-core finds no WCAG 2.2 A/AA violation on any page of the sample site, in light and in dark mode.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(SiteFixture site, ITestOutputHelper output)
{
    public static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    static AxeRunOptions WcagOnly() => new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
    };

    [BrowserTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Every_page_has_no_axe_violations(string scheme)
    {
        site.EnsureStarted();
        var clock = Stopwatch.StartNew();
        await using var context = await site.NewContextAsync(new()
        {
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });

        var failures = await site.ForEachPageAsync(context, site.Pages, async (page, sitePage) =>
            Describe(sitePage.Url, await page.RunAxe(WcagOnly())));

        output.WriteLine($"{site.Pages.Count} pages checked with axe ({scheme}) in {clock.Elapsed.TotalSeconds:F1}s.");
        Assert.True(failures.Count == 0,
            $"axe found {failures.Count} violation(s) in {scheme} mode ({string.Join(", ", WcagTags)}):\n\n" + string.Join("\n\n", failures));
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
