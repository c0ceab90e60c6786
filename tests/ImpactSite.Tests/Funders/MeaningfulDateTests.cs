using System.Xml.Linq;
using LibGit2Sharp;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Funders;

/// <summary>'updated' is what the content says (contract v2): a typo fix never re-dates an entry, and no date is in the future.</summary>
public sealed class MeaningfulDateTests
{

    [Fact]
    public void A_typo_fix_commit_does_not_re_date_entries_and_the_study_is_as_new_as_its_newest_entry()
    {
        using var temp = new TempSite();
        temp.Study("alpha").Meeting("alpha", "m1", "2025-01-10")
            .Decision("alpha", "d1", "2025-01-10", "status: adopted\nwe_did: Did it.\nresponded: 2025-02-09")
            .Decision("alpha", "d2", "2025-03-01", "status: considering\nupdates:\n  - date: 2025-05-05\n    status: considering\n    note: Asked the ethics committee.")
            .Write("pages/about.md", "---\ntitle: About\n---\nx");
        Repository.Init(temp.Root);
        TestGit.Commit(temp.Root, "Add content", new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero));
        temp.Decision("alpha", "d1", "2025-01-10", "status: adopted\nwe_did: Did it (typo fixed).\nresponded: 2025-02-09")
            .Write("pages/about.md", "---\ntitle: About\n---\ny");
        TestGit.Commit(temp.Root, "Fix typos", new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero));

        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var graph = site.Result.Graph!;
        var study = graph.Studies.Single();
        Assert.Equal(new DateOnly(2025, 2, 9), study.Decisions.Single(d => d.Slug == "d1").Updated); // its response, not the typo fix
        Assert.Equal(new DateOnly(2025, 5, 5), study.Decisions.Single(d => d.Slug == "d2").Updated); // its update step
        Assert.Equal(new DateOnly(2025, 5, 5), study.Updated); // the newest of its entries
        Assert.Equal(new DateOnly(2026, 3, 3), graph.Pages.Single().Updated); // a free page records no date: git dates it
        Assert.Contains("5 May 2025", site.Page("/studies/alpha/").QuerySelector("time[datetime='2025-05-05']")!.TextContent);

        // The feed puts the entry that meaningfully changed last first, dated by that change.
        var atom = XNamespace.Get("http://www.w3.org/2005/Atom");
        var entries = XDocument.Parse(site.Text("studies/alpha/feed.xml")).Descendants(atom + "entry").ToList();
        Assert.Equal(["2025-05-05T00:00:00Z", "2025-02-09T00:00:00Z"], entries.Select(e => e.Element(atom + "updated")!.Value));
        Assert.StartsWith("Decision d2", entries[0].Element(atom + "title")!.Value);
    }

    [Fact]
    public void No_published_date_is_after_the_build_date()
    {
        using var temp = new TempSite();
        temp.Study("alpha", "updated: 2030-01-01").Meeting("alpha", "m1", "2027-05-05");
        var site = temp.Build(today: new DateOnly(2026, 11, 23));
        Assert.True(site.Result.Succeeded, site.Errors);
        var study = site.Result.Graph!.Studies.Single();
        Assert.Equal(new DateOnly(2026, 11, 23), study.Updated);
        Assert.Equal(new DateOnly(2026, 11, 23), study.Meetings.Single().Updated);
        Assert.DoesNotContain("2030", site.Text("sitemap.xml"));
        Assert.Contains("<lastmod>2026-11-23</lastmod>", site.Text("sitemap.xml"));
    }
}
