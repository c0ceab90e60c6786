using System.Collections.Concurrent;
using System.Reflection;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Pages;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Studies;

namespace ImpactSite.Render.Pages;

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

/// <summary>Everything tagged with one topic, across studies.</summary>
[Layout("topic")]
public sealed record TopicPageView : PageView
{
    public required string Topic { get; init; }
    public required IReadOnlyList<Entry> Entries { get; init; }
}

[Layout("blog")]
public sealed record BlogPageView : PageView
{
    public required IReadOnlyList<Post> Posts { get; init; }
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

