using System.Text.Json;
using LibGit2Sharp;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Funders;

/// <summary>Frozen releases, rebuilt from a real git repository as the study stood at the end of the release date.</summary>
public sealed class ReleaseTests
{
    static readonly DateOnly ReleaseDay = new(2026, 11, 23);
    const string Releases = "releases:\n  - date: 2026-11-23\n    title: End-of-grant report\n    doi: https://doi.org/10.5281/zenodo.1234567";
    static readonly string[] ReleaseFiles = ["evidence.json", "evidence.csv", "cite.ris", "cite.bib", "cite.json"];


    static TempSite Released()
    {
        var temp = new TempSite();
        temp.Write("site.yml", "title: T\nbase_url: https://impact.test.example/\norganisation: Test Research Unit\ndata_licence: CC-BY-4.0\n");
        temp.Study("alpha", Releases).Meeting("alpha", "m1", "2026-10-01", "attendees: [ana, kite]")
            .Decision("alpha", "d1", "2026-10-01", "raised_by: [kite]\nstatus: adopted\nwe_did: Shortened the letter.\nresponded: 2026-11-02");
        Repository.Init(temp.Root);
        return temp;
    }

    [Fact]
    public void A_release_declared_today_survives_later_edits_byte_for_byte()
    {
        using var temp = Released();
        var sha = TestGit.Commit(temp.Root, "Release day", new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var first = temp.Build(ReleaseDay);
        Assert.True(first.Result.Succeeded, first.Errors);
        const string folder = "studies/alpha/releases/2026-11-23/";
        var frozen = ReleaseFiles.ToDictionary(f => f, f => first.Files[folder + f].Content);
        var frozenMain = first.Page("/" + folder).QuerySelector("main")!.InnerHtml;

        // Later: the answer is reworded, a suggestion added, the summary rewritten; committed two days on, plus an edit not committed.
        temp.Write("studies/alpha/index.md", File.ReadAllText(Path.Combine(temp.Input, "studies/alpha/index.md")).Replace("A test study.", "A rewritten summary."))
            .Decision("alpha", "d1", "2026-10-01", "raised_by: [kite]\nstatus: adopted\nwe_did: Rewrote the letter entirely.\nresponded: 2026-11-02")
            .Decision("alpha", "d2", "2026-11-24", "status: open");
        TestGit.Commit(temp.Root, "Later edits", new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        temp.Decision("alpha", "d3", "2026-11-26", "status: open");
        var later = temp.Build(new DateOnly(2026, 11, 30));
        Assert.True(later.Result.Succeeded, later.Errors);

        foreach (var file in ReleaseFiles) Assert.Equal(frozen[file], later.Files[folder + file].Content);
        Assert.Equal(frozenMain, later.Page("/" + folder).QuerySelector("main")!.InnerHtml);
        // ...while the live study moved on.
        Assert.Contains("Rewrote the letter entirely.", later.Text("studies/alpha/evidence.json"));
        Assert.Contains("\"d2\"", later.Text("studies/alpha/evidence.json"));
        Assert.Contains("A rewritten summary.", later.Page("/studies/alpha/").QuerySelector("main")!.TextContent);
        Assert.Contains("A test study.", later.Page("/" + folder).QuerySelector("main")!.TextContent);
        var release = JsonDocument.Parse(later.Text(folder + "evidence.json")).RootElement;
        Assert.Equal("Shortened the letter.", release.GetProperty("decisions")[0].GetProperty("we_did").GetString());
        Assert.Equal(1, release.GetProperty("summary").GetProperty("suggestions").GetInt32());
        Assert.Equal("2026-11-23", release.GetProperty("release").GetString());
        Assert.Equal("2026-11-23", release.GetProperty("generated").GetString());
        Assert.Equal(sha, release.GetProperty("source_commit").GetString());
        Assert.Empty(EvidenceChecks.AgainstSchema(later, later.Text(folder + "evidence.json")));
        Assert.Contains("Kite (Service user researcher)", later.Text(folder + "evidence.json"));
        Assert.DoesNotContain("Zebedee", later.Text(folder + "evidence.json"));
    }

    [Fact]
    public void The_study_page_lists_its_releases_and_cite_this_on_a_release_cites_the_release()
    {
        using var temp = Released();
        TestGit.Commit(temp.Root, "Release day", new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        var site = temp.Build(ReleaseDay);
        Assert.True(site.Result.Succeeded, site.Errors);

        var study = site.Page("/studies/alpha/");
        var link = study.QuerySelector("a[href='/studies/alpha/releases/2026-11-23/']")!;
        Assert.Equal("End-of-grant report", link.TextContent);

        var page = site.Page("/studies/alpha/releases/2026-11-23/");
        var cite = page.QuerySelector(".cite")!;
        // The citation is in a <details> (its summary names it), shown open on a release: it is what the page is for.
        Assert.Equal("Cite this release", cite.QuerySelector("summary")!.TextContent);
        Assert.True(cite.HasAttribute("open"));
        Assert.Equal("Test Research Unit (2026). Study alpha: End-of-grant report (release of 23 November 2026) [Data set]. T. https://doi.org/10.5281/zenodo.1234567",
            cite.QuerySelector(".cite__text")!.TextContent);
        Assert.NotNull(cite.QuerySelector("a[href='https://doi.org/10.5281/zenodo.1234567']"));
        Assert.Equal("10.5281/zenodo.1234567", page.QuerySelector("meta[name='citation_doi']")!.GetAttribute("content"));
        Assert.Equal("2026/11/23", page.QuerySelector("meta[name='citation_publication_date']")!.GetAttribute("content"));

        var ris = site.Text("studies/alpha/releases/2026-11-23/cite.ris");
        Assert.Contains("DO  - 10.5281/zenodo.1234567\r\n", ris);
        Assert.Contains("ET  - 2026-11-23\r\n", ris);
        Assert.Contains("UR  - https://impact.test.example/studies/alpha/releases/2026-11-23/\r\n", ris);
        Assert.Contains("doi = {10.5281/zenodo.1234567}", site.Text("studies/alpha/releases/2026-11-23/cite.bib"));
        var csl = JsonDocument.Parse(site.Text("studies/alpha/releases/2026-11-23/cite.json")).RootElement[0];
        Assert.Equal("dataset", csl.GetProperty("type").GetString());
        Assert.Equal("2026-11-23", csl.GetProperty("version").GetString());

        var ld = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Dataset", ld.GetProperty("@type").GetString());
        Assert.Equal("2026-11-23", ld.GetProperty("version").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", ld.GetProperty("license").GetString());
        Assert.Equal(["text/csv", "application/json"], ld.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("encodingFormat").GetString()));
        Assert.Equal("https://impact.test.example/studies/alpha/releases/2026-11-23/evidence.csv",
            ld.GetProperty("distribution")[0].GetProperty("contentUrl").GetString());
    }

    [Fact]
    public void Without_git_a_release_is_an_error_on_its_line_saying_to_build_from_a_clone()
    {
        using var temp = new TempSite();
        temp.Study("alpha", Releases);
        var site = temp.Build(ReleaseDay);
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("studies/alpha/index.md", 7), (error.Path, error.Line));
        Assert.Contains("not in a git repository", error.Message);
        Assert.Empty(site.Files); // fail closed: nothing is published
    }

    [Fact]
    public void A_release_before_the_first_commit_or_after_the_build_date_is_an_error_saying_what_to_do()
    {
        using var temp = Released();
        temp.Study("alpha", "releases:\n  - date: 2020-01-01\n    title: Too early\n  - date: 2027-01-01\n    title: Too late");
        TestGit.Commit(temp.Root, "First", new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero));
        var site = temp.Build(ReleaseDay);
        var errors = site.Result.Errors.OrderBy(e => e.Line).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(7, errors[0].Line);
        Assert.Contains("the history starts on 2026-11-01", errors[0].Message);
        Assert.Equal(9, errors[1].Line);
        Assert.Contains("after the build date", errors[1].Message);
    }

    [Fact]
    public void A_shallow_clone_missing_the_history_is_an_error_naming_the_fetch_depth()
    {
        using var temp = Released();
        TestGit.Commit(temp.Root, "Release day", new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        temp.Decision("alpha", "d2", "2026-11-24", "status: open");
        TestGit.Commit(temp.Root, "Later", new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));

        var clone = Path.Combine(temp.Root, "..", Path.GetFileName(temp.Root) + "-shallow");
        try
        {
            // What 'git clone --depth 1' leaves (libgit2 cannot fetch shallow from a local path): the newest commit listed in
            // .git/shallow, which git and libgit2 then treat as having no parents.
            Repository.Clone(temp.Root, clone);
            using (var repository = new Repository(clone))
            {
                File.WriteAllText(Path.Combine(repository.Info.Path, "shallow"), repository.Head.Tip.Sha + "\n");
            }
            using (var repository = new Repository(clone)) Assert.True(repository.Info.IsShallow);
            var site = new BuiltSite(ImpactSite.Build.SiteBuilder.Build(new(Path.Combine(clone, "input"), Repo.Theme, new DateOnly(2026, 11, 30))));
            var error = Assert.Single(site.Result.Errors);
            Assert.Equal(("studies/alpha/index.md", 7), (error.Path, error.Line));
            Assert.Contains("shallow clone", error.Message);
            Assert.Contains("git fetch --unshallow", error.Message);
            Assert.Contains("fetch-depth: 0", error.Message);
        }
        finally
        {
            if (Directory.Exists(clone)) Directory.Delete(clone, recursive: true);
        }
    }

    [Fact]
    public void Someone_who_has_since_left_people_yml_is_credited_by_role_in_the_release_and_their_name_never_published()
    {
        using var temp = Released();
        var people = File.ReadAllText(Path.Combine(temp.Input, "people.yml"));
        temp.Write("people.yml", people.TrimEnd() + "\n- id: olde\n  credit: name\n  name: Ottoline Leftregister\n  role: Trial steering committee member\n")
            .Decision("alpha", "d2", "2026-10-01", "raised_by: [olde]\nstatus: open");
        TestGit.Commit(temp.Root, "Release day", new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        temp.Write("people.yml", people);
        File.Delete(Path.Combine(temp.Input, "studies/alpha/decisions/d2.md"));
        TestGit.Commit(temp.Root, "Ottoline left", new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

        var site = temp.Build(new DateOnly(2026, 11, 30));
        Assert.True(site.Result.Succeeded, site.Errors);
        var release = site.Text("studies/alpha/releases/2026-11-23/evidence.json");
        Assert.Contains("a Trial steering committee member", release);
        Assert.DoesNotContain("Ottoline", release);
        Assert.All(site.Files.Values, f => Assert.DoesNotContain("Leftregister", System.Text.Encoding.UTF8.GetString(f.Content)));
    }

    [Fact]
    public void A_withheld_name_in_the_history_is_never_published_in_a_release_even_after_the_fix()
    {
        using var temp = Released();
        const string d2 = "---\ntitle: Shorter letters\nraised: 2026-10-01\nstatus: open\nyou_said: \"{0} asked for shorter letters.\"\n---\n";
        temp.Write("studies/alpha/decisions/d2.md", string.Format(d2, "Zebedee Withheldname"));
        TestGit.Commit(temp.Root, "Release day, with a slip", new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        temp.Write("studies/alpha/decisions/d2.md", string.Format(d2, "@kite"));
        TestGit.Commit(temp.Root, "Fixed the slip", new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

        var site = temp.Build(new DateOnly(2026, 11, 30));
        Assert.False(site.Result.Succeeded);
        Assert.Empty(site.Files); // fail closed: nothing is published
        // Located on the release's line, pointing at the file and line of that commit where the name was written.
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("studies/alpha/index.md", 7), (error.Path, error.Line));
        Assert.Contains("studies/alpha/decisions/d2.md:5:", error.Message);
        Assert.Contains("'kite'", error.Message);
        Assert.Contains("move the release to a date after the name was taken out", error.Message);
        Assert.DoesNotContain("Zebedee", error.Message);
    }

    [Fact]
    public void A_doi_that_is_not_a_doi_is_an_error_where_it_was_written()
    {
        using var temp = new TempSite();
        temp.Study("alpha", "doi: zenodo 1234567");
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("studies/alpha/index.md", 6, 6), (error.Path, error.Line, error.Column));
        Assert.Contains("is not a DOI", error.Message);
    }
}
