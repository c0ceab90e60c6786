using ImpactSite.BrowserTests.Support;
using Xunit.Abstractions;

namespace ImpactSite.BrowserTests;

/// <summary>With JavaScript off every page still shows all its content, and nothing that needs JavaScript is offered.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(SiteFixture site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task Without_javascript_reader_controls_are_hidden_and_main_content_is_shown()
    {
        site.EnsureStarted();
        await using var context = await site.NewContextAsync(new() { JavaScriptEnabled = false });

        var failures = await site.ForEachPageAsync(context, site.Pages, async (page, sitePage) =>
        {
            var state = await page.EvaluateAsync<NoJsState>(Script);
            var problems = new List<string>();
            if (state.VisibleReaderButtons.Length > 0)
                problems.Add($"{sitePage.Url}: with JavaScript off these reader controls show but cannot work: {string.Join(", ", state.VisibleReaderButtons)}");
            if (!state.MainVisible)
                problems.Add($"{sitePage.Url}: there is no visible <main>.");
            else if (state.H1 is null)
                problems.Add($"{sitePage.Url}: <main> has no visible <h1>.");
            if (state.TextWords == 0 || state.VisibleWords < state.TextWords * 0.95)
                problems.Add($"{sitePage.Url}: only {state.VisibleWords} of the {state.TextWords} words in <main> show with JavaScript off.");
            return problems;
        });

        output.WriteLine($"{site.Pages.Count} pages checked with JavaScript off.");
        Assert.True(failures.Count == 0, "With JavaScript off:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// Buttons for the reader options that can be seen; whether main and its h1 show; and how many of main's words show
    /// (innerText) against how many it has (textContent, less what the page hides on purpose with the hidden attribute,
    /// a chart's SVG title and description, which are its text alternative and never shown, and what a closed
    /// &lt;details&gt; holds: one click on its summary shows it, which PhoneTests checks without JavaScript).
    /// </summary>
    const string Script = """
        () => {
          const seen = el => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
          const readerButtons = [...document.querySelectorAll("button, [role=button]")]
            .filter(b => /larger text|high contrast|reading options/i.test(b.textContent || ""))
            .filter(seen)
            .map(b => b.textContent.trim());
          const main = document.querySelector("main");
          const h1 = main ? [...main.querySelectorAll("h1")].find(seen) : null;
          const count = text => (text.match(/\S+/g) || []).length;
          let textWords = 0;
          if (main) {
            const copy = main.cloneNode(true);
            copy.querySelectorAll("[hidden], script, style, template, svg title, svg desc, details:not([open]) > :not(summary)").forEach(el => el.remove());
            textWords = count(copy.textContent || "");
          }
          return {
            visibleReaderButtons: readerButtons,
            mainVisible: seen(main),
            h1: h1 ? h1.textContent.trim() : null,
            textWords,
            visibleWords: main ? count(main.innerText || "") : 0
          };
        }
        """;

    public sealed class NoJsState
    {
        public string[] VisibleReaderButtons { get; set; } = [];
        public bool MainVisible { get; set; }
        public string? H1 { get; set; }
        public int TextWords { get; set; }
        public int VisibleWords { get; set; }
    }
}
