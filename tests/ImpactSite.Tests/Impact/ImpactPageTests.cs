using AngleSharp.Dom;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Impact;

/// <summary>The study impact page shows the figures in words, as a chart and as a table, with the context a funder needs.</summary>
public sealed class ImpactPageTests : IDisposable
{
    readonly TempSite temp = FigureFixtures.Mixed();
    readonly IDocument page;

    public ImpactPageTests()
    {
        temp.Write("site.yml", "title: Test\nbase_url: https://impact.test.example/\norganisation: Test Research Unit\nframeworks: [uk-standards, 4pi]\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        page = site.Page("/studies/alpha/");
        decision = site.Page("/studies/alpha/decisions/d2/");
    }

    readonly IDocument decision;

    public void Dispose() => temp.Dispose();

    string Main => page.QuerySelector("main")!.TextContent;

    [Fact]
    public void Shows_the_charts_message_in_one_sentence()
    {
        Assert.Contains("Of 6 suggestions, 4 have been answered: 2 adopted, 1 partly adopted and 1 not adopted.", Main);
        Assert.Contains("2 are still waiting for an answer (1 being considered, 1 open), 1 of them overdue.", Main);
    }

    [Fact]
    public void Chart_is_an_accessible_inline_svg()
    {
        var svg = page.QuerySelector("main svg[role=img]");
        Assert.NotNull(svg);
        Assert.True(svg!.HasAttribute("aria-labelledby") || svg.HasAttribute("aria-label"));
    }

    [Fact]
    public void Status_table_has_caption_scopes_and_right_aligned_numbers_matching_the_figures()
    {
        var table = page.QuerySelectorAll("main table").First(t => t.QuerySelector("caption")!.TextContent.Contains("status", StringComparison.OrdinalIgnoreCase));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th[scope=row]")!.TextContent.Trim(), r => r.QuerySelector("td.numeric")!.TextContent.Trim());
        Assert.Equal("2", rows.Single(r => r.Key.StartsWith("Adopted")).Value);
        Assert.Equal("1", rows.Single(r => r.Key.StartsWith("Partly")).Value);
        Assert.Equal("1", rows.Single(r => r.Key.StartsWith("Not adopted")).Value);
        Assert.Equal("1", rows.Single(r => r.Key.StartsWith("Being considered")).Value);
        Assert.Equal("1", rows.Single(r => r.Key.StartsWith("Open")).Value);
    }

    [Fact]
    public void Key_figures_include_overdue_and_the_median()
    {
        Assert.Contains("45 days", Main);
    }

    [Fact]
    public void Timeline_counts_meetings_suggestions_and_responses_by_quarter()
    {
        // Quarters are named in words ("January to March 2025"): "2025 Q1" means nothing to many readers.
        var table = page.QuerySelectorAll("main table").First(t => t.QuerySelector("caption")!.TextContent.Contains("every three months", StringComparison.OrdinalIgnoreCase));
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(),
            r => string.Join(",", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())));
        Assert.Equal("1,2,2", rows["January to March 2025"]); // m1; d1, d2 raised; d1 (Feb) and d2 (Mar) answered
        Assert.Equal("1,3,2", rows["April to June 2025"]); // m2; d3, d4, d6 raised; d3 (Apr) and d6 (Jun) answered
        Assert.Equal("0,1,0", rows["October to December 2026"]); // d5 raised
        Assert.Equal(8, rows.Count); // 2025 Q1 to 2026 Q4, empty quarters included
    }

    [Fact]
    public void Standards_coverage_lists_both_frameworks_and_links_tagged_entries()
    {
        Assert.Contains("Working together", Main);
        Assert.Contains("Presence", Main); // NSUN 4Pi enabled in site.yml
        Assert.NotNull(page.QuerySelector("main a[href='/studies/alpha/decisions/d1/']"));
    }

    [Fact]
    public void Gripp2_results_are_computed_and_evidence_downloads_linked()
    {
        Assert.Contains("GRIPP2", Main);
        Assert.NotNull(page.QuerySelector("main a[href='/studies/alpha/evidence.csv']"));
        Assert.NotNull(page.QuerySelector("main a[href='/studies/alpha/evidence.json']"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/studies/alpha/feed.xml']"));
    }

    [Fact]
    public void Decision_page_states_status_in_words_with_reason_days_and_a_citation()
    {
        var text = decision.QuerySelector("main")!.TextContent;
        Assert.Contains("Partly adopted", text);
        Assert.Contains("Cost.", text);
        Assert.Contains("60 days", text);
        // The citation carries no build date or commit: it changes only when the content does.
        Assert.Contains("Test Research Unit (2025). Decision d2. Test. https://impact.test.example/studies/alpha/decisions/d2/", text);
        Assert.DoesNotContain("built", decision.QuerySelector(".cite")!.TextContent);
        Assert.NotNull(decision.QuerySelector("main a[href='/studies/alpha/meetings/m1/']"));
    }

    [Fact]
    public void Home_and_studies_pages_show_the_figures_across_all_studies()
    {
        temp.Study("beta").Decision("beta", "b1", "2026-11-20", "status: open");
        var site = temp.Build();
        const string overview = "Of 7 suggestions, 4 have been answered: 2 adopted, 1 partly adopted and 1 not adopted.";
        Assert.Contains(overview, site.Page("/").QuerySelector("main")!.TextContent);
        Assert.Contains(overview, site.Page("/studies/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Decision_page_shows_the_updates_timeline_in_order()
    {
        temp.Decision("alpha", "d7", "2025-01-10", "status: adopted\nwe_did: Done.\nresponded: 2025-05-01\nupdates:\n  - {date: 2025-03-01, status: considering, note: Sent to the ethics committee}\n  - {date: 2025-02-01, status: open, note: Noted by the team}");
        var text = temp.Build().Page("/studies/alpha/decisions/d7/").QuerySelector("main")!.TextContent;
        var first = text.IndexOf("Noted by the team", StringComparison.Ordinal);
        var second = text.IndexOf("Sent to the ethics committee", StringComparison.Ordinal);
        Assert.True(first >= 0 && second > first, "updates missing or out of date order");
    }

    [Fact]
    public void A_print_stylesheet_is_linked()
    {
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][media=print]"));
    }
}
