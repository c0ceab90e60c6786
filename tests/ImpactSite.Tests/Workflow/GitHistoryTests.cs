using ImpactSite.Tests.Support;
using LibGit2Sharp;

namespace ImpactSite.Tests.Workflow;

/// <summary>'updated', "history of this page" and the source commit come from git when the input is in a repository.</summary>
public sealed class GitHistoryTests
{
    static readonly DateTimeOffset Committed = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Committed_files_get_their_last_change_date_history_link_and_the_source_commit()
    {
        using var temp = new TempSite();
        temp.Write("site.yml", "title: T\nbase_url: https://impact.test.example/\nrepository_url: https://git.test.example/ppi/site\nrepository_public: true\n")
            .Write("pages/committed.md", "---\ntitle: Committed\n---\nx")
            .Write("pages/dated.md", "---\ntitle: Dated\nupdated: 2026-01-02\n---\nx");
        string sha, branch;
        Repository.Init(temp.Root);
        using (var repository = new Repository(temp.Root))
        {
            Commands.Stage(repository, "*");
            var signature = new Signature("Test", "test@test.example", Committed);
            sha = repository.Commit("Add pages", signature, signature).Sha;
            branch = repository.Head.FriendlyName;
        }
        temp.Write("pages/uncommitted.md", "---\ntitle: Uncommitted\n---\nx");

        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var graph = site.Result.Graph!;
        Assert.Equal(sha, graph.SourceCommit);
        var pages = graph.Pages.ToDictionary(p => p.Slug);
        Assert.Equal(new DateOnly(2025, 6, 1), pages["committed"].Updated);
        Assert.Equal(new DateOnly(2026, 1, 2), pages["dated"].Updated); // front matter wins over git
        Assert.Null(pages["uncommitted"].Updated);
        Assert.Equal($"https://git.test.example/ppi/site/commits/{branch}/input/pages/committed.md", pages["committed"].HistoryUrl);

        var footer = site.Page("/committed/").QuerySelector("footer")!;
        Assert.Contains(sha[..7], footer.TextContent);
        Assert.NotNull(footer.QuerySelector($"a[href='https://git.test.example/ppi/site/commit/{sha}']"));
        Assert.Contains("1 June 2025", site.Page("/committed/").Body!.TextContent);

        // A repository not said to be public is never linked to a commit; the commit is still named.
        temp.Write("site.yml", "title: T\nbase_url: https://impact.test.example/\nrepository_url: https://git.test.example/ppi/site\n");
        var unsaid = temp.Build().Page("/committed/").QuerySelector("footer")!;
        Assert.Contains(sha[..7], unsaid.TextContent);
        Assert.Null(unsaid.QuerySelector("a[href*='/commit/']"));
    }

    [Fact]
    public void Without_git_there_is_simply_no_history()
    {
        using var temp = new TempSite();
        temp.Write("pages/p.md", "---\ntitle: P\n---\nx");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Null(site.Result.Graph!.SourceCommit);
        Assert.Null(site.Result.Graph.Pages.Single().Updated);
        Assert.Null(site.Result.Graph.Pages.Single().HistoryUrl);
    }
}
