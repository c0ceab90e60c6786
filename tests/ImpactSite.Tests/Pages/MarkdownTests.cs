using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Pages;

public sealed class MarkdownTests
{
    [Fact]
    public void Mentions_render_each_persons_public_credit()
    {
        using var temp = new TempSite();
        temp.Write("pages/team.md", """
            ---
            title: Team
            ---
            Thanks to @ana, @kite and @quiet.
            Also (@gone) and e-mail us at team@ana.example.
            """);
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var main = site.Page("/team/").QuerySelector("main")!.TextContent;
        Assert.Contains("Ana Testperson (LEAP member)", main);
        Assert.Contains("Kite (Service user researcher)", main);
        Assert.Contains("a Carer representative", main);
        Assert.Contains("(a LEAP member)", main);
        Assert.Contains("team@ana.example", main);
        Assert.DoesNotContain("@kite", main);
    }

    [Fact]
    public void Markdown_extensions_render_tables_footnotes_task_lists_and_heading_ids()
    {
        using var temp = new TempSite();
        temp.Write("pages/notes.md", """
            ---
            title: Notes
            ---
            ## Agenda items

            | Item | Lead |
            |---|---|
            | Welcome | Chair |

            - [x] Done
            - [ ] To do

            A claim.[^1]

            [^1]: The source.
            """);
        var page = temp.Build().Page("/notes/");
        Assert.NotNull(page.QuerySelector("main table th"));
        Assert.Equal(2, page.QuerySelectorAll("main li.task-list-item").Length);
        Assert.Equal(["Done:", "To do:"], page.QuerySelectorAll("main .task-list-state").Select(s => s.TextContent).ToArray());
        Assert.Empty(page.QuerySelectorAll("main input"));
        Assert.Equal("Back to the text", page.QuerySelector("main .footnotes a.footnote-back-ref")!.TextContent.Replace("↩", ""));
        Assert.NotNull(page.QuerySelector("main h2#agenda-items"));
        Assert.NotNull(page.QuerySelector("main .footnotes"));
    }

    [Fact]
    public void Relative_links_between_pages_and_to_assets_resolve_and_broken_ones_are_located_errors()
    {
        using var temp = new TempSite();
        temp.WriteBytes("assets/files/plan.txt", "plan"u8.ToArray());
        temp.Write("pages/a.md", """
            ---
            title: A
            ---
            See [B](b.md#part) and [the plan](../assets/files/plan.txt).
            """);
        temp.Write("pages/b.md", """
            ---
            title: B
            ---
            Back to [nothing](missing.md).
            """);
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal("pages/b.md", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Contains("missing.md", error.Message);
    }

    [Fact]
    public void Contributed_html_is_sanitised()
    {
        using var temp = new TempSite();
        temp.Write("pages/x.md", """
            ---
            title: X
            ---
            <script>alert(1)</script>

            <p onclick="alert(2)">Hi</p>

            A [click](javascript:alert(3)) link.

            <iframe src="https://evil.example/"></iframe>
            """);
        var site = temp.Build();
        var main = site.Page("/x/").QuerySelector("main")!.InnerHtml;
        Assert.DoesNotContain("<script", main);
        Assert.DoesNotContain("onclick", main);
        Assert.DoesNotContain(site.Page("/x/").QuerySelectorAll("main a"), a => (a.GetAttribute("href") ?? "").Contains("javascript"));
        Assert.DoesNotContain("<iframe", main);
        Assert.Contains("Hi", main);
    }
}
