using ImpactSite.Content;
using ImpactSite.Text;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

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
        yield return Page(Routes.Home, site.Title, site.Description, () => new HomePageView
        {
            Figures = graph.Overview, Studies = graph.Studies, Decisions = graph.Decisions.Take(LatestDecisions * 2).ToList(),
            Posts = graph.Posts.Take(LatestPosts).ToList(),
        });
        yield return Page(Routes.Studies, "Studies", $"The studies {site.Organisation ?? site.Title} involves people in, and what that involvement changed.",
            () => new StudiesPageView { Figures = graph.Overview, Studies = graph.Studies, Breadcrumbs = Crumbs() });
        foreach (var study in graph.Studies)
            foreach (var page in StudyPages(study)) yield return page;
        yield return Page(Routes.Blog, "Blog", "Posts written with our involvement groups.", () => new BlogPageView { Posts = graph.Posts, Breadcrumbs = Crumbs() });
        foreach (var kind in ContentKinds.OutsideStudies)
            foreach (var entry in graph.EntriesOf(kind)) yield return EntryPage(kind, entry);
        yield return Page(Routes.Search, "Search", "Search every study, decision, meeting and post.", () => new SearchPageView
        {
            Studies = graph.Studies, Posts = graph.Posts, Pages = graph.Pages, Breadcrumbs = Crumbs(),
        });
        yield return Page(Routes.Researchers, "For funders and researchers", "The words we use, the evidence as data, feeds, and the version of this website.",
            () => new ResearchersPageView { Studies = graph.Studies, Breadcrumbs = Crumbs() });
        foreach (var topic in Topics.Of(graph.Entries))
            yield return Page(Routes.Tag(topic.Slug), $"Topic: {topic.Title}", $"Studies, suggestions, meetings and posts about {topic.Title}.",
                () => new TopicPageView { Topic = topic.Title, Entries = topic.Entries, Breadcrumbs = Crumbs() });
    }

    public PlannedPage NotFound() => Page(Routes.NotFound, "Page not found", null, () => new NotFoundPageView());

    /// <summary>The HTML fallback for an old URL: meta refresh, canonical link and a visible link.</summary>
    public PlannedPage Redirect(string from, Entry to) =>
        Page(from, to.Title, null, () => new RedirectPageView { RedirectTo = to.AbsoluteUrl }, source: to.SourcePath);

    IEnumerable<PlannedPage> StudyPages(Study study)
    {
        var feed = (Url: site.Href(Routes.StudyFeed(study.Slug)), Title: StudyKind.FeedTitle(study));
        IReadOnlyList<Link> StudyCrumbs(params (string Title, string Route)[] below) => Crumbs([.. StudyKind.Trail(study, below)]);

        yield return EntryPage(study, () => study.Summary.PlainText, () => new StudyPageView
        {
            Study = study, Breadcrumbs = Crumbs(("Studies", Routes.Studies)),
            Posts = graph.PostsAbout(study),
            Timeline = QuarterActivity.For(study.Meetings, study.Decisions),
            Coverage = Coverage(study), StandardEntries = StandardEntries(study), Filters = Topics.StatusFilters(study, site, null),
            Changes = study.Decisions.Where(d => d.Status is DecisionStatus.Adopted or DecisionStatus.PartlyAdopted).ToList(),
            AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
            Cite = citations.ForStudy(study), Releases = study.FrozenReleases.Select(r => ReleaseView(study, r)).ToList(),
        });
        foreach (var frozen in study.FrozenReleases)
        {
            var release = ReleaseView(study, frozen);
            yield return Page(frozen.Route, $"{study.Title}: {release.Title}",
                $"The frozen release of {English.Date(release.Date)}: {study.Title} as it stood at the end of that day.", () => new ReleasePageView
                {
                    Study = study, Release = release, Cite = citations.ForRelease(frozen), Breadcrumbs = StudyCrumbs(),
                }, source: study.SourcePath);
        }
        yield return Page(Routes.Decisions(study.Slug), $"You said, we did: {study.Title}",
            $"Every suggestion made to {study.Title} and what happened to it.", () => new DecisionsPageView
            {
                Study = study, Breadcrumbs = StudyCrumbs(), AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
                Filters = Topics.StatusFilters(study, site, null), Topics = Topics.TopicLinks(study.Decisions, site),
            }, source: study.SourcePath);
        foreach (var status in DecisionStatus.All)
            yield return Page(Routes.DecisionsWithStatus(study.Slug, status), $"You said, we did: {study.Title}: {DecisionStatus.Label(status)}",
                $"Suggestions made to {study.Title} that are now: {DecisionStatus.Label(status)}.", () =>
                {
                    var filters = Topics.StatusFilters(study, site, status);
                    return new DecisionsByStatusPageView
                    {
                        Study = study, Filters = filters, Status = filters.Single(f => f.Current),
                        Decisions = study.Decisions.Where(d => d.Status == status).ToList(),
                        Breadcrumbs = StudyCrumbs(("You said, we did", study.Route + "decisions/")),
                        AlternateFeedUrl = feed.Url, AlternateFeedTitle = feed.Title,
                    };
                }, source: study.SourcePath);
        yield return Page(Routes.Meetings(study.Slug), $"Meetings: {study.Title}", $"Involvement meetings held for {study.Title}.",
            () => new MeetingsPageView { Study = study, Breadcrumbs = StudyCrumbs() }, source: study.SourcePath);
        foreach (var kind in ContentKinds.InStudies)
            foreach (var entry in study.EntriesOf(kind)) yield return EntryPage(kind, entry);
    }

    /// <summary>The study's meetings, suggestions and posts with the standards each is tagged with.</summary>
    List<(Entry Entry, IReadOnlyList<string> Standards)> Tagged(Study study) =>
        study.Decisions.Select(d => (Entry: (Entry)d, d.Standards))
            .Concat(study.Meetings.Select(m => (Entry: (Entry)m, m.Standards)))
            .Concat(graph.PostsAbout(study).Select(p => (Entry: (Entry)p, p.Standards))).ToList();

    IReadOnlyList<StandardCoverage> Coverage(Study study)
    {
        var tagged = Tagged(study);
        return Standards.For(site.Frameworks)
            .Select(s => new StandardCoverage(s, tagged.Where(t => t.Standards.Contains(s.Id)).Select(t => t.Entry).ToList()))
            .ToList();
    }

    IReadOnlyList<EntryStandards> StandardEntries(Study study)
    {
        var shown = Standards.For(site.Frameworks).ToList();
        return Tagged(study)
            .Select(t => new EntryStandards(t.Entry, shown.Where(s => t.Standards.Contains(s.Id)).Select(s => s.Label).ToList()))
            .Where(e => e.Labels.Count > 0).ToList();
    }

    /// <summary>An entry's own page, as its kind describes it (view, trail, description).</summary>
    PlannedPage EntryPage(EntryKind kind, Entry entry) =>
        EntryPage(entry, () => kind.Description(entry), () => kind.View(entry, site) with { Breadcrumbs = Crumbs([.. kind.Trail(entry)]) });

    /// <summary>An entry's own page. Its description is read when the page is made, after the entry's prose is rendered.</summary>
    PlannedPage EntryPage(Entry entry, Func<string?> description, Func<PageView> kindPart) =>
        new(entry.Route, entry.OutputPath, entry.SourcePath, entry.Updated, () =>
        {
            var view = Complete(kindPart(), entry.Route, entry.SourcePath, entry.Title, description());
            // A study is cited as its data set (set by its kind part); any other entry as a page.
            return view with { HistoryUrl = entry.HistoryUrl, Updated = entry.Updated, Cite = view.Cite ?? citations.ForEntry(entry) };
        });

    ReleaseView ReleaseView(Study study, FrozenRelease frozen) =>
        new(frozen, site.Href(frozen.Route), site.Href(Routes.EvidenceJson(frozen.Route)), site.Href(Routes.EvidenceCsv(frozen.Route)), study.Url);

    /// <param name="kindPart">What the page's kind shows; the part every page has is added to it.</param>
    PlannedPage Page(string route, string title, string? description, Func<PageView> kindPart, string? source = null) =>
        new(route, Routes.PathOf(route), source, null, () => Complete(kindPart(), route, source, title, description));

    PageView Complete(PageView view, string route, string? source, string title, string? description)
    {
        var url = site.Href(route);
        return view with
        {
            Site = siteView, Title = title, Route = route, Url = url, AbsoluteUrl = site.Absolute(route), SourcePath = source,
            Description = description is { Length: > 300 } ? description[..297].TrimEnd() + "…" : description,
            Nav = siteView.NavLinks.Select(l => l with { Current = IsCurrent(l.Url, url) }).ToList(),
        };
    }

    bool IsCurrent(string navUrl, string pageUrl) =>
        navUrl == site.BasePath ? pageUrl == navUrl : pageUrl.StartsWith(navUrl, StringComparison.Ordinal);

    IReadOnlyList<Link> Crumbs(params (string Title, string Route)[] trail) =>
        [new Link("Home", site.Href(Routes.Home)), .. trail.Select(t => new Link(t.Title, site.Href(t.Route)))];

    static SiteView CreateSiteView(SiteGraph graph)
    {
        var site = graph.Site;
        var footer = graph.Pages.Where(p => FooterPages.Contains(p.Slug)).Select(p => new Link(p.Title, p.Url)).ToList();
        return new SiteView
        {
            Title = site.Title, Description = site.Description, Organisation = site.Organisation, ContactEmail = site.ContactEmail,
            Language = site.Language, BuildDate = graph.BuildDate, SourceCommit = graph.SourceCommit, RepositoryUrl = site.RepositoryUrl, RepositoryPublic = site.RepositoryPublic,
            HomeUrl = site.Href(Routes.Home), StudiesUrl = site.Href(Routes.Studies), BlogUrl = site.Href(Routes.Blog),
            SearchUrl = site.Href(Routes.Search), TagsUrl = site.Href(Routes.Tags), ResearchersUrl = site.Href(Routes.Researchers),
            FeedUrl = site.Href(Routes.Feed), ThemeUrl = site.Href(Routes.Theme),
            ShowsFourPi = site.Frameworks.Contains(Standards.FourPi),
            FooterLinks = footer,
            NavLinks =
            [
                new("Home", site.Href(Routes.Home)), new("Studies", site.Href(Routes.Studies)), new("Blog", site.Href(Routes.Blog)),
                .. graph.Pages.Where(p => !FooterPages.Contains(p.Slug)).Select(p => new Link(p.Title, p.Url)),
                new("Search", site.Href(Routes.Search)),
            ],
        };
    }
}
