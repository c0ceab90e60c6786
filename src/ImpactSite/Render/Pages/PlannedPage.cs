using ImpactSite.Content;
namespace ImpactSite.Render.Pages;

/// <summary>
/// One HTML page as the plan needs it: its route and the file it is written to, the input file behind it and the date
/// the sitemap shows. Its view holds everything else the template reads (navigation, figures, citation...), so it is made only
/// when the page is: planning 10,000 pages then costs milliseconds, which the preview pays after every edit.
/// </summary>
public sealed record PlannedPage(string Route, string Path, string? SourcePath, DateOnly? Updated, Func<PageView> View);
