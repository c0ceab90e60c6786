using System.Collections.Concurrent;
using System.Reflection;

namespace ImpactSite.Content;

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

    /// <summary>Read once per view type: every page asks, and reading an attribute is slow (a tenth of a build's CPU
    /// in the native executable before this cache).</summary>
    static readonly ConcurrentDictionary<Type, string> Layouts = new();

    /// <summary>The layout a view type names with [Layout].</summary>
    public static string Of(Type view) => Layouts.GetOrAdd(view, type => type.GetCustomAttribute<LayoutAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [Layout]."));
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
    public string Kind => LayoutAttribute.Of(GetType());
}
