using System.Collections.Concurrent;
using ImpactSite.Content;
using ImpactSite.Render;
using ImpactSite.Validate;
using ImpactSite.Content.Settings;

namespace ImpactSite.PostProcess;

/// <summary>
/// One scan of each page as it is built (<see cref="PageScan"/>): the structure every page must have (lang, title,
/// one h1, one main) and every internal link, image, script and stylesheet, which <see cref="Finish"/> checks against
/// the files the build published.
/// </summary>
public sealed class HtmlChecks(SiteSettings site, string inputRoot, DiagnosticBag diagnostics)
{
    /// <summary>A page that links somewhere: where it is published and the input file it came from.</summary>
    sealed record Page(string Path, string? Source);

    /// <summary>Each page and the distinct URLs it uses. The URL strings are shared between pages (navigation and theme
    /// files are on every page), and each distinct URL is resolved once, at the end.</summary>
    readonly ConcurrentBag<(Page Page, string[] Urls)> pages = [];
    readonly ConcurrentDictionary<string, string> urls = new(StringComparer.Ordinal);

    public static bool IsPage(string path) => OutputFormat.For(path).IsPage;

    public void Inspect(OutputFile file)
    {
        var scan = PageScan.Of(file.Text ?? System.Text.Encoding.UTF8.GetString(file.Content), urls);
        void Theme(string message) => diagnostics.Add(new(Severity.Error, "/" + file.Path, 1, 1, $"the theme produced a page that {message}", OutsideInput: true));
        if (string.IsNullOrWhiteSpace(scan.Language)) Theme("has no lang attribute on <html>.");
        if (string.IsNullOrWhiteSpace(scan.Title)) Theme("has no <title>.");
        if (scan.Headings != 1) Theme($"has {scan.Headings} <h1> headings instead of exactly one.");
        if (scan.Mains != 1) Theme($"has {scan.Mains} <main> elements instead of exactly one.");
        var page = new Page(file.Path, file.Source);
        pages.Add((page, [.. scan.Links]));
    }

    /// <summary>Reports every link to a file that is not among <paramref name="published"/> (output paths).</summary>
    public void Finish(IReadOnlySet<string> published)
    {
        var missing = urls.Keys.Where(url => ToOutputPath(url, site) is { } target && !published.Contains(target) && !published.Contains(target + "/index.html"))
            .ToHashSet(StringComparer.Ordinal);
        var broken = missing.Count == 0 ? [] : pages.SelectMany(p => p.Urls.Where(missing.Contains).Select(url => (p.Page, url))).ToList();
        ReportBrokenLinks(broken);
    }

    /// <summary>
    /// A broken link written in the content is reported at its line; one the theme made is reported once per URL,
    /// not once per page.
    /// </summary>
    void ReportBrokenLinks(IEnumerable<(Page Page, string Url)> broken)
    {
        var fromTheme = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (page, url) in broken.OrderBy(b => b.Page.Path, StringComparer.Ordinal).ThenBy(b => b.Url, StringComparer.Ordinal))
        {
            if (page.Source is { } source && SourceText.Locate(Path.Combine(inputRoot, source), url) is { } at)
                diagnostics.Error(source, at.Line, at.Column, $"the link {url} goes to a page this site does not publish: correct or remove it.");
            else fromTheme.TryAdd(url, page.Path);
        }
        foreach (var (url, page) in fromTheme)
            diagnostics.Add(new(Severity.Error, "/" + page, 1, 1, $"the theme links to {url}, which this build does not publish (first seen on this page).", OutsideInput: true));
    }

    /// <summary>The output file an internal URL names, or null for external links, fragments and other schemes.</summary>
    static string? ToOutputPath(string url, SiteSettings site)
    {
        var absoluteBase = site.BaseUrl.AbsoluteUri;
        if (url.StartsWith(absoluteBase, StringComparison.Ordinal)) url = site.BasePath + url[absoluteBase.Length..];
        if (!url.StartsWith(site.BasePath, StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal)) return null;
        var path = url[site.BasePath.Length..];
        var cut = path.IndexOfAny(['?', '#']);
        if (cut >= 0) path = path[..cut];
        path = Uri.UnescapeDataString(path);
        return Routes.PathOf(path);
    }
}
