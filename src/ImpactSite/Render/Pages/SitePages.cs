using ImpactSite.Model;

namespace ImpactSite.Render.Pages;

/// <summary>Every HTML page of the site, as page views for the theme: the contract's URL table in one place.</summary>
public sealed class SitePages(SiteGraph graph)
{
    const int LatestDecisions = 5;
    const int LatestPosts = 3;
    /// <summary>Free pages that belong in the footer rather than the main navigation.</summary>
    static readonly string[] FooterPages = ["privacy", "accessibility"];

    readonly SiteSettings site = graph.Site;
    readonly SiteView siteView = CreateSiteView(graph);

    public IEnumerable<PageView> All()
    {
        var overview = graph.Overview;
        yield return Page("home", "/", site.Title, site.Description) with
        {
            Figures = overview, Studies = graph.Studies, Decisions = graph.Decisions.Take(LatestDecisions * 2).ToList(),
            Posts = graph.Posts.Take(LatestPosts).ToList(),
        };
        yield return Page("studies", "/studies/", "Studies", $"The studies {site.Organisation ?? site.Title} involves people in, and what that involvement changed.") with
        {
            Figures = overview, Studies = graph.Studies, Breadcrumbs = Crumbs(),
        };
        foreach (var study in graph.Studies)
            foreach (var page in StudyPages(study)) yield return page;
        yield return Page("blog", "/blog/", "Blog", "Posts written with our involvement groups.") with { Posts = graph.Posts, Breadcrumbs = Crumbs() };
        foreach (var post in graph.Posts)
            yield return EntryPage("post", post, post.Summary?.PlainText, Crumbs(("Blog", "/blog/"))) with { Post = post };
        foreach (var page in graph.Pages)
            yield return EntryPage("page", page, null, Crumbs()) with { Page = page };
        yield return Page("search", "/search/", "Search", "Search every study, decision, meeting and post.") with
        {
            Studies = graph.Studies, Posts = graph.Posts, Pages = graph.Pages, Breadcrumbs = Crumbs(),
        };
    }

    public PageView NotFound() => Page("notfound", "/404.html", "Page not found", null);

    /// <summary>The HTML fallback for an old URL: meta refresh, canonical link and a visible link.</summary>
    public PageView Redirect(string from, Entry to) => Page("redirect", from, to.Title, null) with { RedirectTo = to.AbsoluteUrl, SourcePath = to.SourcePath };

    IEnumerable<PageView> StudyPages(Study study)
    {
        var feed = (Url: site.Href(study.Route + "feed.xml"), Title: $"{study.Title}: what happened to your suggestions");
        var studyCrumbs = Crumbs(("Studies", "/studies/"), (study.Title, study.Route));
        yield return EntryPage("study", study, study.Summary.PlainText, Crumbs(("Studies", "/studies/"))) with
        {
            Study = study, Figures = study.Figures,
            Decisions = study.Decisions.Take(LatestDecisions).ToList(), Meetings = study.Meetings, Posts = graph.PostsAbout(study),
            Timeline = QuarterActivity.For(study.Meetings, study.Decisions),
            Coverage = Coverage(study),
            AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
        };
        yield return Page("decisions", study.Route + "decisions/", $"You said, we did: {study.Title}",
            $"Every suggestion made to {study.Title} and what happened to it.") with
        {
            Study = study, Decisions = study.Decisions, Figures = study.Figures, Breadcrumbs = studyCrumbs, SourcePath = study.SourcePath,
            AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
        };
        foreach (var decision in study.Decisions)
            yield return EntryPage("decision", decision, decision.YouSaid.PlainText,
                Crumbs(("Studies", "/studies/"), (study.Title, study.Route), ("You said, we did", study.Route + "decisions/"))) with
            {
                Decision = decision, Study = study, AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
            };
        yield return Page("meetings", study.Route + "meetings/", $"Meetings: {study.Title}", $"Involvement meetings held for {study.Title}.") with
        {
            Study = study, Meetings = study.Meetings, Breadcrumbs = studyCrumbs, SourcePath = study.SourcePath,
        };
        foreach (var meeting in study.Meetings)
            yield return EntryPage("meeting", meeting, $"{meeting.Group ?? "Involvement"} meeting for {study.Title}, {English.Date(meeting.Held)}.",
                Crumbs(("Studies", "/studies/"), (study.Title, study.Route), ("Meetings", study.Route + "meetings/"))) with
            {
                Meeting = meeting, Study = study,
            };
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

    PageView EntryPage(string kind, Entry entry, string? description, IReadOnlyList<Link> crumbs) =>
        Page(kind, entry.Route, entry.Title, description) with
        {
            SourcePath = entry.SourcePath, HistoryUrl = entry.HistoryUrl, Updated = entry.Updated, Breadcrumbs = crumbs,
            Cite = new Citation(site.Organisation ?? site.Title, entry.Title, (entry.Updated ?? entry.Date ?? graph.BuildDate).Year,
                entry.AbsoluteUrl, graph.BuildDate, graph.SourceCommit),
        };

    PageView Page(string kind, string route, string title, string? description) => new()
    {
        Kind = kind, Site = siteView, Title = title, Route = route, Url = site.Href(route), AbsoluteUrl = site.Absolute(route),
        Description = description is { Length: > 300 } ? description[..297].TrimEnd() + "…" : description,
        Nav = siteView.NavLinks.Select(l => l with { Current = IsCurrent(l.Url, site.Href(route)) }).ToList(),
    };

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
            Language = site.Language, BuildDate = graph.BuildDate, SourceCommit = graph.SourceCommit, RepositoryUrl = site.RepositoryUrl,
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
