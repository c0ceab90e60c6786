using ImpactSite.BrowserTests.Support;
using Xunit.Abstractions;

namespace ImpactSite.BrowserTests;

/// <summary>The skip link is the first thing a keyboard user reaches, it shows when focused, and it works.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(SiteFixture site, ITestOutputHelper output)
{
    const string SkipLinkText = "Skip to main content";

    [BrowserFact]
    public async Task First_tab_focuses_the_skip_link_and_enter_moves_focus_to_main()
    {
        site.EnsureStarted();
        // Redirect pages only say "this page has moved" and send the reader on: they have no navigation to skip.
        var pages = site.Pages.Where(p => !p.IsRedirect).ToList();
        Assert.NotEmpty(pages);
        await using var context = await site.NewContextAsync();

        var failures = await site.ForEachPageAsync(context, pages, async (page, sitePage) =>
        {
            var problems = new List<string>();
            await page.Keyboard.PressAsync("Tab");
            var first = await page.EvaluateAsync<FocusInfo>("""
                () => {
                  const el = document.activeElement;
                  const r = el ? el.getBoundingClientRect() : { left: 0, top: 0, width: 0, height: 0 };
                  return {
                    description: el ? el.outerHTML.slice(0, 160) : "(nothing)",
                    text: el ? (el.innerText || el.textContent || "").trim() : "",
                    href: el && el.getAttribute ? (el.getAttribute("href") || "") : "",
                    visible: !!el && r.width > 1 && r.height > 1 && r.left >= 0 && r.top >= 0
                      && r.left < window.innerWidth && r.top < window.innerHeight
                  };
                }
                """);
            if (first.Text != SkipLinkText)
            {
                problems.Add($"{sitePage.Url}: the first Tab focused {first.Description}, not the \"{SkipLinkText}\" link.");
                return problems;
            }
            if (!first.Visible)
                problems.Add($"{sitePage.Url}: the focused skip link is not visible on screen (WCAG 2.4.7 / 2.4.11).");

            await page.Keyboard.PressAsync("Enter");
            var after = await page.EvaluateAsync<AfterSkip>("""
                () => {
                  const el = document.activeElement;
                  const main = document.querySelector("main");
                  const top = main ? main.getBoundingClientRect().top : NaN;
                  const atBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
                  return {
                    hash: location.hash,
                    focusInMain: !!(el && main && (el === main || main.contains(el))),
                    focused: el ? el.outerHTML.slice(0, 160) : "(nothing)",
                    mainInView: !!main && top <= 2 && top > -main.getBoundingClientRect().height || (!!main && atBottom && top < window.innerHeight)
                  };
                }
                """);
            if (!after.FocusInMain)
                problems.Add($"{sitePage.Url}: after Enter on the skip link (href {first.Href}) focus is on {after.Focused}, not on <main> or inside it.");
            if (!after.MainInView)
                problems.Add($"{sitePage.Url}: after Enter on the skip link the page did not scroll to <main>.");
            return problems;
        });

        output.WriteLine($"Skip link checked on {pages.Count} pages.");
        Assert.True(failures.Count == 0, "Skip link problems:\n" + string.Join("\n", failures));
    }

    // Playwright fills these from the page's JSON result: they need a parameterless constructor and setters.
    public sealed class FocusInfo
    {
        public string Description { get; set; } = "";
        public string Text { get; set; } = "";
        public string Href { get; set; } = "";
        public bool Visible { get; set; }
    }

    public sealed class AfterSkip
    {
        public string Hash { get; set; } = "";
        public bool FocusInMain { get; set; }
        public string Focused { get; set; } = "";
        public bool MainInView { get; set; }
    }
}
