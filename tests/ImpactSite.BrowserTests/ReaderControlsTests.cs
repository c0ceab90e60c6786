using ImpactSite.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ImpactSite.BrowserTests;

/// <summary>"Larger text" and "High contrast": shown with JavaScript, worked by keyboard, and remembered.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReaderControlsTests(SiteFixture site)
{
    const string Page = "/studies/bridge/";

    [BrowserTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task Larger_text_works_from_the_keyboard_and_is_remembered(string scheme)
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync(new() { ColorScheme = Scheme(scheme) });
        var page = await site.OpenAsync(context, Page);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Larger text" });
        await Expect(button).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        var normal = await FontSizes(page);

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(button).ToBeFocusedAsync();
        var larger = await FontSizes(page);
        Assert.True(larger.Root > normal.Root, $"The root font size did not grow: {normal.Root}px, then {larger.Root}px.");
        Assert.True(larger.Body > normal.Body, $"The body font size did not grow: {normal.Body}px, then {larger.Body}px.");
        Assert.True(larger.Main > normal.Main, $"The text in <main> did not grow: {normal.Main}px, then {larger.Main}px.");

        await page.ReloadAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(larger, await FontSizes(page));

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal(normal, await FontSizes(page));
    }

    [BrowserTheory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task High_contrast_works_from_the_keyboard_and_is_remembered(string scheme)
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync(new() { ColorScheme = Scheme(scheme) });
        var page = await site.OpenAsync(context, Page);
        var button = page.GetByRole(AriaRole.Button, new() { Name = "High contrast" });
        await Expect(button).ToBeVisibleAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        var normal = await Looks(page);

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(button).ToBeFocusedAsync();
        var high = await Looks(page);
        Assert.NotEqual(normal.HtmlClass, high.HtmlClass);
        Assert.True(normal.Colours != high.Colours, $"High contrast changed no colour: {normal.Colours}");

        await page.ReloadAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(high, await Looks(page));

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.Equal(normal, await Looks(page));
    }

    [BrowserFact]
    public async Task The_reader_controls_can_be_reached_with_the_tab_key()
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync();
        var page = await site.OpenAsync(context, Page);
        var reached = new HashSet<string>();
        for (var i = 0; i < 60 && reached.Count < 2; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var text = await page.EvaluateAsync<string>("() => (document.activeElement?.textContent || '').trim()");
            if (text is "Larger text" or "High contrast") reached.Add(text);
        }
        Assert.True(reached.Count == 2, $"Tabbing through {Page} reached only: {string.Join(", ", reached)}");
    }

    static ColorScheme Scheme(string name) => name == "dark" ? ColorScheme.Dark : ColorScheme.Light;

    public sealed record Sizes
    {
        public double Root { get; set; }
        public double Body { get; set; }
        public double Main { get; set; }
    }

    static async Task<Sizes> FontSizes(IPage page)
    {
        await page.WaitForNextFrameAsync();
        return await page.EvaluateAsync<Sizes>("""
        () => {
          const size = el => parseFloat(getComputedStyle(el).fontSize);
          const text = document.querySelector("main p") || document.querySelector("main");
          return { root: size(document.documentElement), body: size(document.body), main: size(text) };
        }
        """);
    }

    public sealed record Look
    {
        public string HtmlClass { get; set; } = "";
        public string Colours { get; set; } = "";
    }

    static async Task<Look> Looks(IPage page)
    {
        await page.WaitForNextFrameAsync();
        return await page.EvaluateAsync<Look>("""
        () => {
          const style = el => { const s = getComputedStyle(el); return s.color + "/" + s.backgroundColor; };
          const parts = ["body", "header", "main a", "main p", "footer"].map(sel => {
            const el = document.querySelector(sel);
            return sel + ": " + (el ? style(el) : "-");
          });
          return { htmlClass: document.documentElement.className, colours: parts.join("; ") };
        }
        """);
    }
}
