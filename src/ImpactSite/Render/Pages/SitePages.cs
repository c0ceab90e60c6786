using ImpactSite.Model;

namespace ImpactSite.Render.Pages;

/// <summary>
/// Every HTML page of the site, the contract's URL table in one place: each page's kind, route and source when the
/// site is planned, and its view for the theme when the page is made.
/// </summary>
public sealed class SitePages(SiteGraph graph)
{
    const int LatestDecisions = 5;
    const int LatestPosts = 3;
    /// <summary>Free pages that belong in the footer rather than the main navigation.</summary>
    static readonly string[] FooterPages = ["privacy", "accessibility"];

    readonly SiteSettings site = graph.Site;
    // A few links, made once for every page; the costly shared values (graph.Overview) are made by the first page that needs them.
    readonly SiteView siteView = CreateSiteView(graph);
    readonly Citations citations = new(graph);

    public IEnumerable<PlannedPage> All()
    {
        yield return Page("home", "/", site.Title, site.Description, view => view with
        {
            Figures = graph.Overview, Studies = graph.Studies, Decisions = graph.Decisions.Take(LatestDecisions * 2).ToList(),
            Posts = graph.Posts.Take(LatestPosts).ToList(),
        });
        yield return Page("studies", "/studies/", "Studies", $"The studies {site.Organisation ?? site.Title} involves people in, and what that involvement changed.", view => view with
        {
            Figures = graph.Overview, Studies = graph.Studies, Breadcrumbs = Crumbs(),
        });
        foreach (var study in graph.Studies)
            foreach (var page in StudyPages(study)) yield return page;
        yield return Page("blog", "/blog/", "Blog", "Posts written with our involvement groups.", view => view with { Posts = graph.Posts, Breadcrumbs = Crumbs() });
        foreach (var post in graph.Posts)
            yield return EntryPage("post", post, () => post.Summary?.PlainText, view => view with { Post = post, Breadcrumbs = Crumbs(("Blog", "/blog/")) });
        foreach (var page in graph.Pages)
            yield return EntryPage("page", page, () => null, view => view with { Page = page, Breadcrumbs = Crumbs() });
        yield return Page("search", "/search/", "Search", "Search every study, decision, meeting and post.", view => view with
        {
            Studies = graph.Studies, Posts = graph.Posts, Pages = graph.Pages, Breadcrumbs = Crumbs(),
        });
    }

    public PlannedPage NotFound() => Page("notfound", "/404.html", "Page not found", null, view => view);

    /// <summary>The HTML fallback for an old URL: meta refresh, canonical link and a visible link.</summary>
    public PlannedPage Redirect(string from, Entry to) =>
        Page("redirect", from, to.Title, null, view => view with { RedirectTo = to.AbsoluteUrl }, source: to.SourcePath);

    IEnumerable<PlannedPage> StudyPages(Study study)
    {
        var feed = (Url: site.Href(study.Route + "feed.xml"), Title: $"{study.Title}: what happened to your suggestions");
        IReadOnlyList<Link> StudyCrumbs(params (string Title, string Route)[] below) => Crumbs([("Studies", "/studies/"), (study.Title, study.Route), .. below]);

        yield return EntryPage("study", study, () => study.Summary.PlainText, view => view with
        {
            Study = study, Figures = study.Figures, Breadcrumbs = Crumbs(("Studies", "/studies/")),
            Decisions = study.Decisions.Take(LatestDecisions).ToList(), Meetings = study.Meetings, Posts = graph.PostsAbout(study),
            Timeline = QuarterActivity.For(study.Meetings, study.Decisions),
            Coverage = Coverage(study),
            AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
            Cite = citations.ForStudy(study), Releases = study.FrozenReleases.Select(r => ReleaseView(study, r)).ToList(),
        });
        foreach (var frozen in study.FrozenReleases)
        {
            var release = ReleaseView(study, frozen);
            yield return Page("release", frozen.Route, $"{study.Title}: {release.Title}",
                $"The frozen release of {English.Date(release.Date)}: {study.Title} as it stood at the end of that day.", view => view with
                {
                    Study = study, Release = release, Figures = release.Figures, Cite = citations.ForRelease(frozen),
                    Breadcrumbs = StudyCrumbs(),
                }, source: study.SourcePath);
        }
        yield return Page("decisions", study.Route + "decisions/", $"You said, we did: {study.Title}",
            $"Every suggestion made to {study.Title} and what happened to it.", view => view with
            {
                Study = study, Decisions = study.Decisions, Figures = study.Figures, Breadcrumbs = StudyCrumbs(),
                AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
            }, source: study.SourcePath);
        foreach (var decision in study.Decisions)
            yield return EntryPage("decision", decision, () => decision.YouSaid.PlainText, view => view with
            {
                Decision = decision, Study = study, Breadcrumbs = StudyCrumbs(("You said, we did", study.Route + "decisions/")),
                AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
            });
        yield return Page("meetings", study.Route + "meetings/", $"Meetings: {study.Title}", $"Involvement meetings held for {study.Title}.", view => view with
        {
            Study = study, Meetings = study.Meetings, Breadcrumbs = StudyCrumbs(),
        }, source: study.SourcePath);
        foreach (var meeting in study.Meetings)
            yield return EntryPage("meeting", meeting, () => $"{meeting.Group ?? "Involvement"} meeting for {study.Title}, {English.Date(meeting.Held)}.", view => view with
            {
                Meeting = meeting, Study = study, Breadcrumbs = StudyCrumbs(("Meetings", study.Route + "meetings/")),
            });
    }

    IReadOnlyList<StandardCoverage> Coverage(Study study)
    {
        var tagged = study.Decisions.Select(d => (Entry: (Entry)d, d.Standards))
            .Concat(study.Meetings.Select(m => (Entry: (Entry)m, m.Standards)))
            .Concat(graph.PostsAbout(study).Select(p => (Entry: (Entry)p, p.Standards))).ToList();
        return Standards.For(site.Frameworks)
            .Select(s => new StandardCoverage(s, tagged.Where(t => t.Standards.Contains(s.Id)).Select(t => t.Entry).ToList()))
            .ToList();
    }

    /// <summary>An entry's own page. Its description is read when the page is made, after the entry's prose is rendered.</summary>
    PlannedPage EntryPage(string kind, Entry entry, Func<string?> description, Func<PageView, PageView> details) =>
        new(kind, entry.Route, entry.SourcePath, entry.Updated, () => details(View(kind, entry.Route, entry.SourcePath, entry.Title, description()) with
        {
            HistoryUrl = entry.HistoryUrl, Updated = entry.Updated, Cite = citations.ForEntry(entry),
        }));

    ReleaseView ReleaseView(Study study, FrozenRelease frozen) =>
        new(frozen, site.Href(frozen.Route), site.Href(frozen.Route + "evidence.json"), site.Href(frozen.Route + "evidence.csv"), study.Url);

    /// <param name="details">What the page's kind adds to the view every page has.</param>
    PlannedPage Page(string kind, string route, string title, string? description, Func<PageView, PageView> details, string? source = null) =>
        new(kind, route, source, null, () => details(View(kind, route, source, title, description)));

    PageView View(string kind, string route, string? source, string title, string? description)
    {
        var url = site.Href(route);
        return new()
        {
            Kind = kind, Site = siteView, Title = title, Route = route, Url = url, AbsoluteUrl = site.Absolute(route), SourcePath = source,
            Description = description is { Length: > 300 } ? description[..297].TrimEnd() + "…" : description,
            Nav = siteView.NavLinks.Select(l => l with { Current = IsCurrent(l.Url, url) }).ToList(),
        };
    }

    bool IsCurrent(string navUrl, string pageUrl) =>
        navUrl == site.BasePath ? pageUrl == navUrl : pageUrl.StartsWith(navUrl, StringComparison.Ordinal);

    IReadOnlyList<Link> Crumbs(params (string Title, string Route)[] trail) =>
        [new Link("Home", site.Href("/")), .. trail.Select(t => new Link(t.Title, site.Href(t.Route)))];

    static SiteView CreateSiteView(SiteGraph graph)
    {
        var site = graph.Site;
        var footer = graph.Pages.Where(p => FooterPages.Contains(p.Slug)).Select(p => new Link(p.Title, p.Url)).ToList();
        return new SiteView
        {
            Title = site.Title, Description = site.Description, Organisation = site.Organisation, ContactEmail = site.ContactEmail,
            Language = site.Language, BuildDate = graph.BuildDate, SourceCommit = graph.SourceCommit, RepositoryUrl = site.RepositoryUrl, RepositoryPublic = site.RepositoryPublic,
            HomeUrl = site.Href("/"), StudiesUrl = site.Href("/studies/"), BlogUrl = site.Href("/blog/"),
            SearchUrl = site.Href("/search/"), FeedUrl = site.Href("/feed.xml"), ThemeUrl = site.Href("/theme/"),
            ShowsFourPi = site.Frameworks.Contains(Standards.FourPi),
            FooterLinks = footer,
            NavLinks =
            [
                new("Home", site.Href("/")), new("Studies", site.Href("/studies/")), new("Blog", site.Href("/blog/")),
                .. graph.Pages.Where(p => !FooterPages.Contains(p.Slug)).Select(p => new Link(p.Title, p.Url)),
                new("Search", site.Href("/search/")),
            ],
        };
    }
}
