using ImpactSite.Model;

namespace ImpactSite.Render.Pages;

public sealed record Link(string Title, string Url, bool Current = false);

/// <summary>What every template sees as 'site': settings plus the build's own facts.</summary>
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
    /// <summary>Prefix for the theme's static files, e.g. "/theme/" + "css/site.css".</summary>
    public required string ThemeUrl { get; init; }
    public required IReadOnlyList<Link> FooterLinks { get; init; }
    public required IReadOnlyList<Link> NavLinks { get; init; }
    public required bool ShowsFourPi { get; init; }
}

/// <summary>
/// The model every page template gets. 'kind' names the template (theme/layouts/&lt;kind&gt;.hbs); only the
/// properties for that kind are set. base.hbs then wraps the page's HTML, given as 'content'.
/// </summary>
public sealed record PageView
{
    public required string Kind { get; init; }
    public required SiteView Site { get; init; }
    /// <summary>The page's own title; the document &lt;title&gt; is "Title – Site".</summary>
    public required string Title { get; init; }
    public required string Route { get; init; }
    public required string Url { get; init; }
    public required string AbsoluteUrl { get; init; }
    public string? Description { get; init; }
    /// <summary>The input file this page comes from (for leak reports and "history of this page").</summary>
    public string? SourcePath { get; init; }
    public IReadOnlyList<Link> Nav { get; set; } = [];
    public IReadOnlyList<Link> Breadcrumbs { get; init; } = [];
    public string? HistoryUrl { get; init; }
    public DateOnly? Updated { get; init; }
    public string? AlternateFeedUrl { get; init; }
    public string? AlternateFeedTitle { get; init; }
    public Citation? Cite { get; init; }
    /// <summary>A release page's release; on a study page, the study's releases (<see cref="Releases"/>).</summary>
    public ReleaseView? Release { get; init; }
    public IReadOnlyList<ReleaseView> Releases { get; init; } = [];

    public Study? Study { get; init; }
    public Decision? Decision { get; init; }
    public Meeting? Meeting { get; init; }
    public Post? Post { get; init; }
    public FreePage? Page { get; init; }
    public IReadOnlyList<Study> Studies { get; init; } = [];
    public IReadOnlyList<Decision> Decisions { get; init; } = [];
    public IReadOnlyList<Meeting> Meetings { get; init; } = [];
    public IReadOnlyList<Post> Posts { get; init; } = [];
    /// <summary>Free pages, for the search page's "browse everything" list.</summary>
    public IReadOnlyList<FreePage> Pages { get; init; } = [];
    public ImpactFigures? Figures { get; init; }
    public IReadOnlyList<QuarterActivity> Timeline { get; init; } = [];
    public IReadOnlyList<StandardCoverage> Coverage { get; init; } = [];
    /// <summary>The redirect fallback page's target.</summary>
    public string? RedirectTo { get; init; }

    /// <summary>Filled by the renderer with this kind's HTML before base.hbs wraps it.</summary>
    public string Content { get; set; } = "";
}
