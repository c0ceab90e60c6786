using LibGit2Sharp;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

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
        Repository.Init(temp.Root);
        var sha = TestGit.Commit(temp.Root, "Add pages", Committed);
        string branch;
        using (var repository = new Repository(temp.Root)) branch = repository.Head.FriendlyName;
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

        // The source commit is technical detail: it is on "For funders and researchers", which every footer links to.
        var footer = site.Page("/committed/").QuerySelector("footer")!;
        Assert.NotNull(footer.QuerySelector("a[href='/for-researchers/']"));
        Assert.DoesNotContain(sha[..7], footer.TextContent);
        var version = site.Page("/for-researchers/").QuerySelector("main")!;
        Assert.Contains(sha[..7], version.TextContent);
        Assert.NotNull(version.QuerySelector($"a[href='https://git.test.example/ppi/site/commit/{sha}']"));
        Assert.Contains("1 June 2025", site.Page("/committed/").Body!.TextContent);

        // A repository not said to be public is never linked to a commit; the commit is still named.
        temp.Write("site.yml", "title: T\nbase_url: https://impact.test.example/\nrepository_url: https://git.test.example/ppi/site\n");
        var unsaid = temp.Build().Page("/for-researchers/").QuerySelector("main")!;
        Assert.Contains(sha[..7], unsaid.TextContent);
        Assert.Null(unsaid.QuerySelector("a[href*='/commit/']"));
    }

    [Fact]
    public void Each_page_is_dated_by_the_last_commit_that_changed_it_however_far_back_and_whatever_changed_since()
    {
        using var temp = new TempSite();
        temp.Write("site.yml", "title: T\nbase_url: https://impact.test.example/\n")
            .Write("pages/old.md", "---\ntitle: Old\n---\nFirst words.")
            .Write("pages/edited.md", "---\ntitle: Edited\n---\nFirst words.");
        Repository.Init(temp.Root);
        TestGit.Commit(temp.Root, "Add pages", new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero));
        temp.Write("pages/edited.md", "---\ntitle: Edited\n---\nBetter words.");
        TestGit.Commit(temp.Root, "Edit one page", new(2025, 2, 3, 9, 0, 0, TimeSpan.Zero));
        // Later commits that touch neither page: a study, and the site settings.
        temp.Study("alpha");
        TestGit.Commit(temp.Root, "Add a study", new(2025, 11, 5, 9, 0, 0, TimeSpan.Zero));
        temp.Write("site.yml", "title: T2\nbase_url: https://impact.test.example/\n");
        TestGit.Commit(temp.Root, "Rename the site", new(2026, 1, 7, 9, 0, 0, TimeSpan.Zero));

        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var pages = site.Result.Graph!.Pages.ToDictionary(p => p.Slug);
        Assert.Equal(new DateOnly(2024, 3, 1), pages["old"].Updated);
        Assert.Equal(new DateOnly(2025, 2, 3), pages["edited"].Updated);
        Assert.Contains("3 February 2025", site.Page("/edited/").Body!.TextContent);
        Assert.DoesNotContain("7 January 2026", site.Page("/edited/").Body!.TextContent);
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
