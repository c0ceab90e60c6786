using System.Reflection;
using ImpactSite.Content;
using ImpactSite.Content.Studies;

namespace ImpactSite.Render.Pages;

/// <summary>Every page view type and its layout: what the theme must provide, and what the checker holds it to.</summary>
public static class PageViews
{
    /// <summary>The site's own pages and the study's impact pages, then each entry kind's own view (from its definition).</summary>
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(HomePageView), typeof(StudiesPageView), typeof(StudyPageView), typeof(ReleasePageView), typeof(DecisionsPageView),
        typeof(DecisionsByStatusPageView), typeof(TopicPageView), typeof(MeetingsPageView), typeof(BlogPageView),
        typeof(SearchPageView), typeof(ResearchersPageView), typeof(NotFoundPageView), typeof(RedirectPageView), typeof(PageView),
        .. ContentKinds.Entries.Select(k => k.ViewType),
    ];

    /// <summary>Layout name -> the view it renders.</summary>
    public static readonly IReadOnlyDictionary<string, Type> ByLayout = Types
        .Where(t => t.GetCustomAttribute<LayoutAttribute>() is not null)
        .ToDictionary(t => t.GetCustomAttribute<LayoutAttribute>()!.Name, StringComparer.Ordinal);

    /// <summary>Layouts that are whole documents rather than wrapped in base.liquid.</summary>
    public static readonly IReadOnlySet<string> Standalone = new HashSet<string>(["redirect"], StringComparer.Ordinal);

    public const string Base = "base";
}
