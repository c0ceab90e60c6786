using ImpactSite.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImpactSite.BrowserTests;

/// <summary>
/// WCAG 1.4.10 Reflow, in every reader mode: at 320 CSS pixels wide no page scrolls sideways (tables may scroll inside
/// their own box), and every heading and control fits its own box, so none is cut off or drawn over its neighbour.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReflowTests(SiteFixture site, ITestOutputHelper output)
{
    const int Width = 320;

    /// <summary>The modes a reader can be in: the two reader options (alone and together), the dark scheme and the
    /// operating system's forced colours (Windows contrast themes), each with Larger text where it makes text wider.</summary>
    public static TheoryData<string> Modes => new() { "normal", "larger text", "high contrast", "larger text, high contrast", "dark, larger text", "forced colours, larger text" };

    [BrowserTheory]
    [MemberData(nameof(Modes))]
    public async Task Every_page_fits_320_css_pixels_and_every_heading_and_control_fits_its_box(string mode)
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync(new()
        {
            ViewportSize = new ViewportSize { Width = Width, Height = 640 },
            ColorScheme = mode.Contains("dark") ? ColorScheme.Dark : ColorScheme.Light,
            ForcedColors = mode.Contains("forced") ? ForcedColors.Active : ForcedColors.None,
        });
        // The reader's choices are set as remembered before any page loads. Clicking the buttons on each page would
        // race: pages are checked two at a time in one context, and the script keeps their choices in step through
        // localStorage. The buttons themselves are tested in ReaderControlsTests.
        var options = new[] { ("larger text", "is-large-text"), ("high contrast", "is-high-contrast") }
            .Where(o => mode.Contains(o.Item1)).Select(o => o.Item2).ToList();
        if (options.Count > 0)
            await context.AddInitScriptAsync($"localStorage.setItem('impactsite-reader-options', JSON.stringify({{ {string.Join(", ", options.Select(o => $"'{o}': true"))} }}))");

        var failures = await site.ForEachPageAsync(context, site.Pages, async (page, sitePage) =>
        {
            if (!sitePage.IsRedirect)
                foreach (var option in options)
                    await Assertions.Expect(page.Locator($"html.{option}")).ToHaveCountAsync(1);
            var result = await page.EvaluateAsync<Overflow>(OverflowScript);
            var problems = result.TooBig.Select(p => $"{sitePage.Url}: {p}").ToList();
            if (result.ScrollWidth > Width)
                problems.Add($"{sitePage.Url}: the page is {result.ScrollWidth}px wide at a {Width}px viewport; too wide: {string.Join(", ", result.Culprits)}");
            return problems;
        });

        output.WriteLine($"{site.Pages.Count} pages checked at {Width}px, {mode}.");
        Assert.True(failures.Count == 0, $"At {Width}px, {mode}:\n" + string.Join("\n", failures));
    }

    /// <summary>The page width; the innermost elements that stick out to the right (outside any scrolling box); and
    /// every rendered heading or control whose content is wider than its box (scrollWidth over clientWidth), as a
    /// visually hidden heading is, or which sticks out of the page.</summary>
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
            + (el.textContent.trim() ? ", \"" + el.textContent.trim().replace(/\s+/g, " ").slice(0, 40) + "\"" : "") + ")";
          const tooBig = [];
          const controls = "h1, h2, h3, h4, h5, h6, button, summary, input, select, textarea, label, legend, [role=button], nav a, header a, footer a, .skip-link";
          for (const el of document.body.querySelectorAll(controls)) {
            if (!el.getClientRects().length) continue;
            const r = el.getBoundingClientRect();
            if (r.right > width + 0.5 && !scrolls(el)) tooBig.push(`${name(el)} sticks out of the page by ${Math.round(r.right - width)}px`);
            // Inline boxes have no scroll size of their own: their lines are measured as part of their block.
            else if (getComputedStyle(el).display !== "inline" && el.scrollWidth > el.clientWidth + 1)
              tooBig.push(`${name(el)} is ${el.scrollWidth}px wide inside a ${el.clientWidth}px box`);
          }
          return { scrollWidth: document.documentElement.scrollWidth, culprits: innermost.slice(0, 5).map(name), tooBig };
        }
        """;

    public sealed class Overflow
    {
        public int ScrollWidth { get; set; }
        public string[] Culprits { get; set; } = [];
        public string[] TooBig { get; set; } = [];
    }
}
