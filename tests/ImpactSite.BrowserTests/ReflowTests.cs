using ImpactSite.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImpactSite.BrowserTests;

/// <summary>WCAG 1.4.10 Reflow: at 320 CSS pixels wide no page scrolls sideways (tables may scroll inside their own box).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(SiteFixture site, ITestOutputHelper output)
{
    const int Width = 320;

    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task No_page_scrolls_sideways_at_320_css_pixels(bool largerText)
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = Width, Height = 800 },
        });
        // "Larger text" is set as the reader's remembered choice before any page loads. Clicking the button on each
        // page would race: the pages are checked two at a time in one context, and the script keeps their choices in
        // step through localStorage. The button itself is tested in ReaderControlsTests.
        if (largerText)
            await context.AddInitScriptAsync("localStorage.setItem('impactsite-reader-options', JSON.stringify({ 'is-large-text': true }))");

        var failures = await site.ForEachPageAsync(context, site.Pages, async (page, sitePage) =>
        {
            if (largerText && !sitePage.IsRedirect)
            {
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Larger text" })).ToHaveAttributeAsync("aria-pressed", "true");
                await page.WaitForNextFrameAsync();
            }
            var result = await page.EvaluateAsync<Overflow>(OverflowScript);
            return result.ScrollWidth <= Width
                ? []
                : [$"{sitePage.Url}: the page is {result.ScrollWidth}px wide at a {Width}px viewport; too wide: {string.Join(", ", result.Culprits)}"];
        });

        output.WriteLine($"{site.Pages.Count} pages checked at {Width}px{(largerText ? " with larger text" : "")}.");
        Assert.True(failures.Count == 0,
            $"Pages that scroll sideways at {Width}px{(largerText ? " with \"Larger text\" on" : "")}:\n" + string.Join("\n", failures));
    }

    /// <summary>The page width, and the innermost elements that stick out to the right (outside any scrolling box).</summary>
    const string OverflowScript = """
        () => {
          const width = document.documentElement.clientWidth;
          const scrolls = el => {
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              const o = getComputedStyle(a).overflowX;
              if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
            }
            return false;
          };
          const sticksOut = el => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && r.right > width + 0.5 && !scrolls(el);
          };
          const all = [...document.body.querySelectorAll("*")].filter(sticksOut);
          const innermost = all.filter(el => ![...el.children].some(sticksOut));
          const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + [...el.classList].map(c => "." + c).join("")
            + " (right edge " + Math.round(el.getBoundingClientRect().right) + "px"
            + (el.children.length === 0 && el.textContent.trim() ? ", \"" + el.textContent.trim().slice(0, 40) + "\"" : "") + ")";
          return { scrollWidth: document.documentElement.scrollWidth, culprits: innermost.slice(0, 5).map(name) };
        }
        """;

    public sealed class Overflow
    {
        public int ScrollWidth { get; set; }
        public string[] Culprits { get; set; } = [];
    }
}
