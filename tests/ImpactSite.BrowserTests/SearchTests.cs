using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using ImpactSite.BrowserTests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;

namespace ImpactSite.BrowserTests;

/// <summary>The search page: searching with the keyboard, the announced count, and the list that works without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(SiteFixture site)
{
    const string Study = "bridge";
    const string Decision = "plain-english-letters";
    static readonly string DecisionUrl = $"/studies/{Study}/decisions/{Decision}/";

    string DecisionTitle => SampleContent.Title(Path.Combine(site.InputDir, "studies", Study, "decisions", Decision + ".md"));

    [BrowserFact]
    public async Task Typing_a_decision_title_and_pressing_enter_lists_it_and_announces_the_count()
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync();
        var page = await site.OpenAsync(context, "/search/");

        var box = page.GetByRole(AriaRole.Searchbox);
        await Expect(box).ToHaveCountAsync(1);
        await Expect(box).ToBeVisibleAsync();
        // The results come before "Browse everything", which links to every decision already: count the links.
        var links = page.Locator($"main a[href='{DecisionUrl}']");
        var before = await links.CountAsync();

        await box.FocusAsync();
        await page.Keyboard.TypeAsync(DecisionTitle);
        await page.Keyboard.PressAsync("Enter");

        await Expect(links).ToHaveCountAsync(before + 1);
        await Expect(links.Filter(new() { Visible = true })).ToHaveCountAsync(before + 1);
        Assert.True(await links.EvaluateAllAsync<bool>("links => links.every(a => !!a.closest('ol, ul'))"),
            "The search result is not in a list.");

        var live = page.Locator("[aria-live='polite']");
        await Expect(live).ToHaveCountAsync(1);
        await Expect(live).ToHaveTextAsync(new Regex(@"\b[1-9]\d* results?\b"));

        // The page was not reloaded (the search ran in the page), the address can be shared, and focus stayed put.
        Assert.Contains("q=", page.Url);
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement.type === 'search'"),
            "Focus left the search box after searching.");
    }

    [BrowserFact]
    public async Task A_search_address_shows_results_and_a_search_without_matches_says_so()
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync();
        var page = await site.OpenAsync(context, "/search/?q=" + Uri.EscapeDataString(DecisionTitle));
        var live = page.Locator("[aria-live='polite']");
        await Expect(live).ToHaveTextAsync(new Regex(@"\b[1-9]\d* results?\b"));
        await Expect(page.GetByRole(AriaRole.Searchbox)).ToHaveValueAsync(DecisionTitle);

        var box = page.GetByRole(AriaRole.Searchbox);
        await box.FillAsync("zzzqqqxx");
        await box.PressAsync("Enter");
        await Expect(live).ToHaveTextAsync(new Regex(@"\b[Nn]o results\b"));
    }

    [BrowserFact]
    public async Task Without_javascript_the_search_page_links_to_every_decision_of_the_study()
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await site.OpenAsync(context, "/search/");

        var decisions = SampleContent.Decisions(site.InputDir, Study);
        Assert.NotEmpty(decisions);
        var missing = new List<string>();
        foreach (var (slug, title) in decisions)
        {
            var link = page.Locator($"main a[href='/studies/{Study}/decisions/{slug}/']");
            if (await link.CountAsync() == 0 || !await link.First.IsVisibleAsync()) missing.Add($"{title} (/studies/{Study}/decisions/{slug}/)");
        }
        Assert.True(missing.Count == 0, "With JavaScript off, /search/ does not link to:\n" + string.Join("\n", missing));
    }
}
