using ImpactSite.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImpactSite.BrowserTests;

/// <summary>
/// Pages a reader on a phone takes in at a glance (issue 17), and the offline part of what Lighthouse checks: short
/// pages at 320x640, a study's story on its first screen, headings that never break inside a word, badges of at least
/// 14 px, a favicon and a web manifest, and no console error on any page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(SiteFixture site, ITestOutputHelper output)
{
    static readonly ViewportSize Phone = new() { Width = 320, Height = 640 };

    [BrowserTheory]
    [InlineData("/", 5_000)]
    [InlineData("/studies/bridge/", 7_000)]
    public async Task The_page_is_short_enough_to_take_in_on_a_phone(string path, int most)
    {
        await using var context = await site.NewContextAsync(new() { ViewportSize = Phone });
        var page = await site.OpenAsync(context, path);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        output.WriteLine($"{path}: {height} px tall at 320x640");
        Assert.True(height <= most, $"{path} is {height} px tall at 320x640; it should be at most {most} px (about {most / 640} screens).");
    }

    [BrowserFact]
    public async Task A_study_says_on_its_first_screen_what_changed_and_every_closed_section_opens_without_javascript()
    {
        await using var context = await site.NewContextAsync(new() { ViewportSize = Phone, JavaScriptEnabled = false });
        var page = await site.OpenAsync(context, "/studies/bridge/");
        await Assertions.Expect(page.Locator("h1")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator(".story .figures-sentence")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator(".story .changes__item").First).ToBeInViewportAsync(new() { Ratio = 0.3f });

        // Every item is one click away: each <details> opens by its summary and shows what it holds.
        var details = page.Locator("main details");
        var count = await details.CountAsync();
        Assert.True(count >= 5, $"expected the study's sections in <details>, found {count}");
        for (var i = 0; i < count; i++)
        {
            var one = details.Nth(i);
            var body = one.Locator(":scope > :not(summary)").First;
            await Assertions.Expect(body).Not.ToBeVisibleAsync();
            await one.Locator("summary").ClickAsync();
            await Assertions.Expect(body).ToBeVisibleAsync();
        }
    }

    [BrowserFact]
    public async Task Printing_a_study_prints_what_its_closed_sections_hold()
    {
        await using var context = await site.NewContextAsync();
        var page = await site.OpenAsync(context, "/studies/bridge/");
        var timeline = page.Locator("#timeline-caption");
        await Assertions.Expect(timeline).Not.ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(timeline).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".coverage__entries")).ToBeVisibleAsync();
    }

    /// <summary>Headings, badges and the footer at 320 px with Larger text: no word broken, no badge under 14 px, nothing sticking out.</summary>
    [BrowserFact]
    public async Task With_larger_text_at_320_px_headings_keep_whole_words_and_badges_stay_readable()
    {
        await using var context = await site.NewContextAsync(new() { ViewportSize = Phone });
        await context.AddInitScriptAsync("localStorage.setItem('impactsite-reader-options', JSON.stringify({ 'is-large-text': true }))");
        var pages = site.OnePagePerLayout.Where(p => !p.IsRedirect).ToList();
        var failures = await site.ForEachPageAsync(context, pages, async (page, sitePage) =>
        {
            await Assertions.Expect(page.Locator("html.is-large-text")).ToHaveCountAsync(1);
            var problems = await page.EvaluateAsync<string[]>(PhoneScript);
            return problems.Select(p => $"{sitePage.Url}: {p}");
        });
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task Every_page_has_a_favicon_a_web_manifest_and_no_console_errors_at_320_and_1280_px()
    {
        foreach (var width in new[] { 320, 1280 })
        {
            await using var context = await site.NewContextAsync(new() { ViewportSize = new ViewportSize { Width = width, Height = 800 } });
            var failures = await site.ForEachPageAsync(context, site.Pages.Where(p => !p.IsRedirect), async (page, sitePage) =>
            {
                var icon = await page.EvaluateAsync<string?>("() => document.querySelector('link[rel=icon]')?.href ?? null");
                var manifest = await page.EvaluateAsync<string?>("() => document.querySelector('link[rel=manifest]')?.href ?? null");
                return (icon, manifest) switch
                {
                    (null, _) => ["no <link rel=icon>"],
                    (_, null) => ["no <link rel=manifest>"],
                    _ => [],
                };
            });
            Assert.True(failures.Count == 0, $"At {width} px:\n" + string.Join("\n", failures));
        }

        await using var http = await site.NewContextAsync();
        foreach (var path in new[] { "/theme/favicon.svg", "/theme/icon-192.png", "/theme/icon-512.png" })
            Assert.Equal(200, (await http.APIRequest.GetAsync(site.Url(path).ToString())).Status);
        var manifestResponse = await http.APIRequest.GetAsync(site.Url("/site.webmanifest").ToString());
        Assert.Equal(200, manifestResponse.Status);
        var json = await manifestResponse.JsonAsync();
        Assert.Equal("Northmoor Involvement Impact", json!.Value.GetProperty("name").GetString());
        foreach (var icon in json.Value.GetProperty("icons").EnumerateArray())
            Assert.Equal(200, (await http.APIRequest.GetAsync(site.Url(icon.GetProperty("src").GetString()!).ToString())).Status);
    }

    /// <summary>
    /// Finds a heading line that ends inside a word (the text of a line break between two letters), a badge under
    /// 14 px, and anything wider than the page outside a scrolling box.
    /// </summary>
    const string PhoneScript = """
        () => {
          const problems = [];
          for (const h of document.querySelectorAll("h1, h2, h3")) {
            if (!h.getClientRects().length) continue;
            const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const text = node.textContent;
              const range = document.createRange();
              let lastTop = null;
              for (let i = 0; i < text.length; i++) {
                range.setStart(node, i); range.setEnd(node, i + 1);
                const rect = range.getClientRects()[0];
                if (!rect) continue;
                if (lastTop !== null && rect.top > lastTop + 2 && /\p{L}/u.test(text[i]) && i > 0 && /\p{L}/u.test(text[i - 1]))
                  problems.push(`the heading "${h.textContent.trim()}" breaks inside a word at "${text.slice(Math.max(0, i - 6), i + 6)}"`);
                lastTop = rect.top;
              }
            }
          }
          for (const b of document.querySelectorAll(".badge")) {
            if (!b.getClientRects().length) continue;
            const size = parseFloat(getComputedStyle(b).fontSize);
            if (size < 14) problems.push(`a badge ("${b.textContent.trim()}") is ${size} px`);
          }
          const width = document.documentElement.clientWidth;
          for (const el of document.querySelectorAll("header *, footer *, main h1, main h2")) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && r.right > width + 0.5) problems.push(`<${el.tagName.toLowerCase()} class="${el.className}"> sticks out by ${Math.round(r.right - width)} px`);
          }
          return problems;
        }
        """;
}
