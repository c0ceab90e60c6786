using System.Collections.Concurrent;
using System.Text;
using ImpactSite.Model;
using ImpactSite.Render.Assets;
using ImpactSite.Render.Data;
using ImpactSite.Render.Markdown;
using ImpactSite.Render.Pages;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;

namespace ImpactSite.Render;

/// <summary>The render step: markdown to HTML, pages through the theme, and the data outputs (evidence, feeds, sitemap, search).</summary>
public sealed class SiteRenderer(SiteGraph graph, Theme theme, DiagnosticBag diagnostics)
{
    readonly ConcurrentDictionary<string, OutputFile> files = new(StringComparer.Ordinal);

    public IReadOnlyList<OutputFile> Render()
    {
        RenderProse();
        var pages = new SitePages(graph);
        var views = pages.All().ToList();
        foreach (var kind in views.Select(v => v.Kind).Append("notfound").Append("redirect").Distinct().Where(k => !theme.Has(k)))
            diagnostics.Add(new(Severity.Error, Path.Combine(theme.Root, "layouts", kind + ".hbs"), 1, 1,
                $"the theme has no template for '{kind}' pages: add layouts/{kind}.hbs.", OutsideInput: true));
        if (diagnostics.HasErrors) return [];

        Parallel.ForEach(views, view => AddPage(view));
        AddPage(pages.NotFound());
        AddRedirects(pages);
        AddData(views);
        AddStatic();
        return files.Values.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    void RenderProse()
    {
        var renderer = new ProseRenderer(graph, diagnostics);
        Parallel.ForEach(graph.Entries, entry =>
        {
            foreach (var prose in entry.AllProse) renderer.Render(prose, entry.SourcePath);
        });
    }

    void AddPage(PageView view) => Add(PathOf(view.Route), Encoding.UTF8.GetBytes(theme.Render(view)), view.SourcePath);

    /// <summary>
    /// Old URLs keep working: a forced Netlify _redirects line (forced, because the fallback file at the same path would
    /// otherwise be served instead) and an HTML fallback page for other hosts.
    /// </summary>
    void AddRedirects(SitePages pages)
    {
        var lines = new StringBuilder();
        foreach (var entry in graph.Entries.OrderBy(e => e.Route, StringComparer.Ordinal))
            foreach (var from in entry.RedirectFrom)
            {
                if (files.ContainsKey(PathOf(from.Value)) || from.Value == entry.Route)
                {
                    diagnostics.Error(from.At, $"'{from.Value}' is already a page of this site, so it cannot redirect: remove it from redirect_from.");
                    continue;
                }
                lines.Append(graph.Site.Href(from.Value)).Append(' ').Append(entry.Url).Append(" 301!\n");
                AddPage(pages.Redirect(from.Value, entry));
            }
        Add("_redirects", Encoding.UTF8.GetBytes(lines.ToString()), null);
    }

    void AddData(IReadOnlyList<PageView> views)
    {
        var site = graph.Site;
        foreach (var study in graph.Studies)
        {
            var evidence = Evidence.For(study, graph.BuildDate);
            Add(study.Route.TrimStart('/') + "evidence.json", Evidence.ToJson(evidence), study.SourcePath);
            Add(study.Route.TrimStart('/') + "evidence.csv", Evidence.ToCsv(evidence), study.SourcePath);
            Add(study.Route.TrimStart('/') + "feed.xml",
                AtomFeed.Write(graph, $"{study.Title}: what happened to your suggestions", study.Route + "feed.xml", study.Route,
                    study.Decisions.Cast<Entry>().Concat(study.Posts)), study.SourcePath);
        }
        Add("feed.xml", AtomFeed.Write(graph, site.Title, "/feed.xml", "/", graph.Posts.Cast<Entry>().Concat(graph.Decisions)), null);
        Add("sitemap.xml", Sitemap.Write(views), null);
        Add("search/index.json", SearchIndex.Write(graph), null);
        Add("robots.txt", Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {site.Absolute("/sitemap.xml")}\n"), null);
    }

    void AddStatic()
    {
        foreach (var asset in graph.Assets)
            Add(asset, ImageMetadata.Publish(asset, File.ReadAllBytes(Path.Combine(graph.InputRoot, asset)), diagnostics), asset);
        foreach (var file in theme.StaticFiles)
            Add("theme/" + file, File.ReadAllBytes(Path.Combine(theme.Root, "static", file)), null);
        AddBrowserEditor();
    }

    /// <summary>The browser editor (Decap CMS): theme/admin/** is published as it is at /admin/ (docs/editing-in-the-browser.md).</summary>
    void AddBrowserEditor()
    {
        var admin = Path.Combine(theme.Root, "admin");
        if (!Directory.Exists(admin)) return;
        foreach (var file in Directory.EnumerateFiles(admin, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            Add("admin/" + Path.GetRelativePath(admin, file).Replace('\\', '/'), File.ReadAllBytes(file), null);
    }

    void Add(string path, byte[] content, string? source)
    {
        if (!files.TryAdd(path, new OutputFile(path, content, source)))
            diagnostics.Error(source ?? "site.yml", 1, 1, $"two things would be published at /{path}: rename one of them.");
    }

    /// <summary>Clean URLs: "/x/" is written as x/index.html; routes with a file name are written as they are.</summary>
    public static string PathOf(string route)
    {
        var path = route.TrimStart('/');
        return path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;
    }
}
