using System.Collections.Concurrent;
using System.Reflection;
using ImpactSite.Model;
using ImpactSite.Text;

namespace ImpactSite.Render.Pages;

public sealed record Link(string Title, string Url, bool Current = false);

/// <summary>What every layout sees as 'site': settings plus the build's own facts.</summary>
public sealed class SiteView
{
    public required string Title { get; init; }
    public string? Description { get; init; }
    public string? Organisation { get; init; }
    public string? ContactEmail { get; init; }
    public required string Language { get; init; }
    public required DateOnly BuildDate { get; init; }
    public string? SourceCommit { get; init; }
    public string? ShortCommit => SourceCommit?[..Math.Min(7, SourceCommit.Length)];
    public string? RepositoryUrl { get; init; }
    public bool RepositoryPublic { get; init; }
    /// <summary>The source commit in the repository's web view, when both are known and the repository is public.</summary>
    public string? CommitUrl => RepositoryUrl is null || SourceCommit is null || !RepositoryPublic ? null : $"{RepositoryUrl}/commit/{SourceCommit}";
    public required string HomeUrl { get; init; }
    public required string StudiesUrl { get; init; }
    public required string BlogUrl { get; init; }
    public required string SearchUrl { get; init; }
    public required string FeedUrl { get; init; }
    /// <summary>Where topic pages are: a tag's page is tags_url + (tag | slug) + "/".</summary>
    public required string TagsUrl { get; init; }
    /// <summary>"For funders and researchers": data, feeds, the words we use and the source of this version.</summary>
    public required string ResearchersUrl { get; init; }
    /// <summary>Prefix for the theme's static files, e.g. "/theme/" + "css/site.css".</summary>
    public required string ThemeUrl { get; init; }
    public required IReadOnlyList<Link> FooterLinks { get; init; }
    public required IReadOnlyList<Link> NavLinks { get; init; }
    public required bool ShowsFourPi { get; init; }
}

/// <summary>Names the layout (theme/layouts/&lt;name&gt;.liquid) that renders a page view type.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LayoutAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// What every page's layout sees as 'page'. Each page kind has its own view type (below) holding exactly what its
/// layout needs, so the layout checker can hold every layout to its view. base.liquid then wraps the page's HTML,
/// given as 'content', and sees this common part only.
/// </summary>
public abstract record PageView
{
    // Set for every page by SitePages once the kind's own part is made, hence not 'required'.
    public SiteView Site { get; init; } = null!;
    /// <summary>The page's own title; the document &lt;title&gt; is "Title – Site".</summary>
    public string Title { get; init; } = "";
    public string Route { get; init; } = "";
    public string Url { get; init; } = "";
    public string AbsoluteUrl { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>The input file this page comes from (for leak reports), not for the page itself.</summary>
    public string? SourcePath { get; init; }
    public IReadOnlyList<Link> Nav { get; init; } = [];
    public IReadOnlyList<Link> Breadcrumbs { get; init; } = [];
    public string? HistoryUrl { get; init; }
    public DateOnly? Updated { get; init; }
    public string? AlternateFeedUrl { get; init; }
    public string? AlternateFeedTitle { get; init; }
    public Citation? Cite { get; init; }

    /// <summary>The layout's name, from the view type's [Layout].</summary>
    public string Kind => PageViews.LayoutOf(GetType());
}

[Layout("home")]
public sealed record HomePageView : PageView
{
    public required ImpactFigures Figures { get; init; }
    public required IReadOnlyList<Study> Studies { get; init; }
    public required IReadOnlyList<Decision> Decisions { get; init; }
    public required IReadOnlyList<Post> Posts { get; init; }
}

[Layout("studies")]
public sealed record StudiesPageView : PageView
{
    public required ImpactFigures Figures { get; init; }
    public required IReadOnlyList<Study> Studies { get; init; }
}

[Layout("study")]
public sealed record StudyPageView : PageView
{
    public required Study Study { get; init; }
    public required IReadOnlyList<Post> Posts { get; init; }
    public required IReadOnlyList<QuarterActivity> Timeline { get; init; }
    public required IReadOnlyList<StandardCoverage> Coverage { get; init; }
    /// <summary>Suggestions that changed the study (adopted or partly adopted), newest first: the story's first screen.</summary>
    public required IReadOnlyList<Decision> Changes { get; init; }
    /// <summary>Each entry tagged with a standard once, with all its standards: no entry listed under several headings.</summary>
    public required IReadOnlyList<EntryStandards> StandardEntries { get; init; }
    public required IReadOnlyList<StatusFilter> Filters { get; init; }
    public required IReadOnlyList<ReleaseView> Releases { get; init; }
}

/// <summary>A frozen release of a study: the study now (for its link) and the release as it stood then.</summary>
[Layout("release")]
public sealed record ReleasePageView : PageView
{
    public required Study Study { get; init; }
    public required ReleaseView Release { get; init; }
}

[Layout("decisions")]
public sealed record DecisionsPageView : PageView
{
    public required Study Study { get; init; }
    public required IReadOnlyList<StatusFilter> Filters { get; init; }
    public required IReadOnlyList<TopicLink> Topics { get; init; }
}

/// <summary>A study's suggestions with one status: the log filtered without JavaScript.</summary>
[Layout("decisions-status")]
public sealed record DecisionsByStatusPageView : PageView
{
    public required Study Study { get; init; }
    public required StatusFilter Status { get; init; }
    public required IReadOnlyList<Decision> Decisions { get; init; }
    public required IReadOnlyList<StatusFilter> Filters { get; init; }
}

/// <summary>Everything tagged with one topic, across studies.</summary>
[Layout("topic")]
public sealed record TopicPageView : PageView
{
    public required string Topic { get; init; }
    public required IReadOnlyList<Entry> Entries { get; init; }
}

[Layout("decision")]
public sealed record DecisionPageView : PageView
{
    public required Decision Decision { get; init; }
}

[Layout("meetings")]
public sealed record MeetingsPageView : PageView
{
    public required Study Study { get; init; }
}

[Layout("meeting")]
public sealed record MeetingPageView : PageView
{
    public required Meeting Meeting { get; init; }
}

[Layout("blog")]
public sealed record BlogPageView : PageView
{
    public required IReadOnlyList<Post> Posts { get; init; }
}

[Layout("post")]
public sealed record PostPageView : PageView
{
    public required Post Post { get; init; }
}

[Layout("page")]
public sealed record FreePageView : PageView
{
    public required FreePage Page { get; init; }
}

[Layout("search")]
public sealed record SearchPageView : PageView
{
    public required IReadOnlyList<Study> Studies { get; init; }
    public required IReadOnlyList<Post> Posts { get; init; }
    public required IReadOnlyList<FreePage> Pages { get; init; }
}

/// <summary>"For funders and researchers": the words we use, the data, feeds and the version of the site, in one place.</summary>
[Layout("researchers")]
public sealed record ResearchersPageView : PageView
{
    public required IReadOnlyList<Study> Studies { get; init; }
}

[Layout("notfound")]
public sealed record NotFoundPageView : PageView;

/// <summary>The HTML fallback for an old address: a whole document of its own, not wrapped in base.liquid.</summary>
[Layout("redirect")]
public sealed record RedirectPageView : PageView
{
    public required string RedirectTo { get; init; }
}

/// <summary>Every page view type and its layout: what the theme must provide, and what the checker holds it to.</summary>
public static class PageViews
{
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(HomePageView), typeof(StudiesPageView), typeof(StudyPageView), typeof(ReleasePageView), typeof(DecisionsPageView),
        typeof(DecisionsByStatusPageView), typeof(DecisionPageView), typeof(TopicPageView),
        typeof(MeetingsPageView), typeof(MeetingPageView), typeof(BlogPageView), typeof(PostPageView), typeof(FreePageView),
        typeof(SearchPageView), typeof(ResearchersPageView), typeof(NotFoundPageView), typeof(RedirectPageView), typeof(PageView),
    ];

    /// <summary>Layout name -> the view it renders.</summary>
    public static readonly IReadOnlyDictionary<string, Type> ByLayout = Types
        .Where(t => t.GetCustomAttribute<LayoutAttribute>() is not null)
        .ToDictionary(t => t.GetCustomAttribute<LayoutAttribute>()!.Name, StringComparer.Ordinal);

    /// <summary>Layouts that are whole documents rather than wrapped in base.liquid.</summary>
    public static readonly IReadOnlySet<string> Standalone = new HashSet<string>(["redirect"], StringComparer.Ordinal);

    public const string Base = "base";

    /// <summary>Read once per view type: every page asks, and reading an attribute is slow (a tenth of a build's CPU
    /// in the native executable before this cache).</summary>
    static readonly ConcurrentDictionary<Type, string> Layouts = new();

    public static string LayoutOf(Type view) => Layouts.GetOrAdd(view, type => type.GetCustomAttribute<LayoutAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [Layout]."));
}
