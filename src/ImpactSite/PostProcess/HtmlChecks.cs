using AngleSharp.Html.Parser;
using ImpactSite.Model;
using ImpactSite.Render;
using ImpactSite.Validate;

namespace ImpactSite.PostProcess;

/// <summary>
/// One AngleSharp pass over each built page: the structure every page must have (lang, title, one h1, one main)
/// and every internal link, image, script and stylesheet pointing at a file this build publishes.
/// </summary>
public static class HtmlChecks
{
    public static void Run(IReadOnlyList<OutputFile> files, SiteSettings site, string inputRoot, DiagnosticBag diagnostics)
    {
        var published = new HashSet<string>(files.Select(f => f.Path), StringComparer.Ordinal);
        var broken = new System.Collections.Concurrent.ConcurrentBag<(OutputFile File, string Url)>();
        var parser = new HtmlParser();
        Parallel.ForEach(files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), file =>
        {
            using var document = parser.ParseDocument(System.Text.Encoding.UTF8.GetString(file.Content));
            void Theme(string message) => diagnostics.Add(new(Severity.Error, "/" + file.Path, 1, 1, $"the theme produced a page that {message}", OutsideInput: true));
            if (string.IsNullOrWhiteSpace(document.DocumentElement.GetAttribute("lang"))) Theme("has no lang attribute on <html>.");
            if (string.IsNullOrWhiteSpace(document.Title)) Theme("has no <title>.");
            if (document.QuerySelectorAll("h1").Length is var h1 && h1 != 1) Theme($"has {h1} <h1> headings instead of exactly one.");
            if (document.QuerySelectorAll("main").Length is var main && main != 1) Theme($"has {main} <main> elements instead of exactly one.");

            foreach (var element in document.QuerySelectorAll("a[href], link[href], img[src], script[src]"))
            {
                var url = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (ToOutputPath(url, site) is { } target && !published.Contains(target) && !published.Contains(target + "/index.html"))
                    broken.Add((file, url));
            }
        });
        ReportBrokenLinks(broken, inputRoot, diagnostics);
    }

    /// <summary>
    /// A broken link written in the content is reported at its line; one the theme made is reported once per URL,
    /// not once per page.
    /// </summary>
    static void ReportBrokenLinks(IEnumerable<(OutputFile File, string Url)> broken, string inputRoot, DiagnosticBag diagnostics)
    {
        var fromTheme = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, url) in broken.OrderBy(b => b.File.Path, StringComparer.Ordinal))
        {
            if (file.Source is { } source && SourceText.Locate(Path.Combine(inputRoot, source), url) is { } at)
                diagnostics.Error(source, at.Line, at.Column, $"the link {url} goes to a page this site does not publish: correct or remove it.");
            else fromTheme.TryAdd(url, file.Path);
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
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
