using System.Text;
using ImpactSite.Content;
using ImpactSite.Render;
using ImpactSite.Load;
using ImpactSite.Render.Assets;
using ImpactSite.Render.Data;
using ImpactSite.Render.Pages;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;
using ImpactSite.Content.Settings;
using ImpactSite.Editor;
using ImpactSite.Hosting;

namespace ImpactSite.Build;

/// <summary>One file the site publishes: where, which input file it comes from, and how to make it.</summary>
public sealed record PlannedFile(string Path, string? Source, Func<OutputFile> Make);

/// <summary>
/// Every file of the site, known before any is made: the contract's URLs for the graph, with clashes between paths
/// reported here. The build makes them all (<see cref="SiteRenderer"/>); the preview makes each when it is asked for.
/// Like Hugo's pages and output formats, planning is cheap and making is where the work is.
/// </summary>
public sealed class SitePlan
{
    readonly Dictionary<string, PlannedFile> files = new(StringComparer.Ordinal);
    readonly SiteGraph graph;
    readonly Theme theme;
    readonly DiagnosticBag diagnostics;

    SitePlan(SiteGraph graph, Theme theme, DiagnosticBag diagnostics)
    {
        this.graph = graph;
        this.theme = theme;
        this.diagnostics = diagnostics;
    }

    /// <summary>Output path -> planned file.</summary>
    public IReadOnlyDictionary<string, PlannedFile> Files => files;

    /// <summary>The plan: a loaded theme has a layout for every page view (<see cref="Theme.Load"/> checks it).</summary>
    public static SitePlan For(SiteGraph graph, Theme theme, DiagnosticBag diagnostics)
    {
        var pages = new SitePages(graph);
        var planned = pages.All().ToList();

        var plan = new SitePlan(graph, theme, diagnostics);
        plan.files.EnsureCapacity(planned.Count + 3 * graph.Studies.Count + graph.Assets.Count + theme.StaticFiles.Count + 8);
        // The big data files first: the build makes files in this order across cores, and a big one last would leave
        // one core idle while it finishes.
        plan.AddDataFiles(planned);
        foreach (var page in planned) plan.AddPage(page);
        plan.AddPage(pages.NotFound());
        plan.AddRedirects(pages);
        plan.AddStaticFiles();
        // Last: the host's headers name every top-level folder and file planned above.
        var published = plan.files.Keys.ToList();
        plan.Add(NetlifyHeaders.Path, null, () => NetlifyHeaders.Make(published));
        return plan;
    }


    /// <summary>The page's view is made with the page, not here: the preview plans the whole site after every edit.</summary>
    void AddPage(PlannedPage page)
    {
        var path = page.Path;
        Add(new PlannedFile(path, page.SourcePath, () => OutputFile.FromText(path, theme.Render(page.View()), page.SourcePath)));
    }

    void Add(string path, string? source, Func<byte[]> make) => Add(new PlannedFile(path, source, () => new OutputFile(path, make(), source)));

    void Add(PlannedFile file)
    {
        if (files.TryAdd(file.Path, file)) return;
        var sources = new[] { files[file.Path].Source, file.Source }.OfType<string>().Order(StringComparer.Ordinal).ToList();
        diagnostics.Error(sources.FirstOrDefault() ?? "site.yml", 1, 1,
            $"two things would be published at /{file.Path}{(sources.Count == 2 ? $" (from {sources[0]} and {sources[1]})" : "")}: rename one of them.");
    }

    /// <summary>
    /// Old URLs keep working: a forced Netlify _redirects line (forced, because the fallback file at the same path would
    /// otherwise be served instead) and an HTML fallback page for other hosts.
    /// </summary>
    void AddRedirects(SitePages pages)
    {
        var lines = new StringBuilder();
        foreach (var entry in graph.Redirected.OrderBy(e => e.Route, StringComparer.Ordinal))
            foreach (var from in entry.RedirectFrom)
            {
                if (files.ContainsKey(Routes.PathOf(from.Value)) || from.Value == entry.Route)
                {
                    diagnostics.Error(from.At, $"'{from.Value}' is already a page of this site, so it cannot redirect: remove it from redirect_from.");
                    continue;
                }
                lines.Append(graph.Site.Href(from.Value)).Append(' ').Append(entry.Url).Append(" 301!\n");
                AddPage(pages.Redirect(from.Value, entry));
            }
        var redirects = lines.ToString();
        Add(Routes.PathOf(Routes.Redirects), null, () => Encoding.UTF8.GetBytes(redirects));
    }

    void AddDataFiles(IReadOnlyList<PlannedPage> pages)
    {
        var site = graph.Site;
        Add(Routes.PathOf(Routes.SearchIndex), null, () => SearchIndex.Write(graph));
        Add(Routes.PathOf(Routes.Feed), null, () => AtomFeed.Write(graph, site.Title, Routes.Feed, Routes.Home, graph.Posts.Cast<Entry>().Concat(graph.Decisions)));
        Add(Routes.PathOf(Routes.Sitemap), null, () => Sitemap.Write(site, pages));
        Add(Routes.PathOf(Routes.WebManifest), null, () => WebManifest.Write(site));
        Add(Routes.PathOf(Routes.Robots), null, () => Encoding.UTF8.GetBytes($"User-agent: *\nAllow: /\nSitemap: {site.Absolute(Routes.Sitemap)}\n"));
        var citations = new Citations(graph);
        var live = new Evidence.Provenance(site.Absolute(Routes.EvidenceSchema), site.DataLicence, null, graph.SourceCommit);
        var documents = new List<Lazy<Evidence.Document>>();
        foreach (var study in graph.Studies)
        {
            // One evidence document per study for both formats and the site-wide table, made by whichever file is made first.
            var evidence = new Lazy<Evidence.Document>(() => Evidence.For(study, graph.BuildDate, live));
            documents.Add(evidence);
            Add(Routes.PathOf(Routes.EvidenceJson(study.Route)), study.SourcePath, () => Evidence.ToJson(evidence.Value));
            Add(Routes.PathOf(Routes.EvidenceCsv(study.Route)), study.SourcePath, () => Evidence.ToCsv(evidence.Value));
            AddCitationFiles(study.Route, study.SourcePath, () => citations.ForStudy(study));
            foreach (var frozen in study.FrozenReleases)
            {
                var then = new Lazy<Evidence.Document>(() =>
                    Evidence.For(frozen.Snapshot, frozen.Release.Date, live with { Release = frozen.Release.Date, SourceCommit = frozen.Commit }));
                Add(Routes.PathOf(Routes.EvidenceJson(frozen.Route)), study.SourcePath, () => Evidence.ToJson(then.Value));
                Add(Routes.PathOf(Routes.EvidenceCsv(frozen.Route)), study.SourcePath, () => Evidence.ToCsv(then.Value));
                AddCitationFiles(frozen.Route, study.SourcePath, () => citations.ForRelease(frozen));
            }
            Add(Routes.PathOf(Routes.StudyFeed(study.Slug)), study.SourcePath, () => AtomFeed.Write(graph, $"{study.Title}: what happened to your suggestions",
                Routes.StudyFeed(study.Slug), study.Route, study.Decisions.Cast<Entry>().Concat(graph.PostsAbout(study))));
        }
        Add(Routes.PathOf(Routes.SiteEvidenceCsv), null, () => Evidence.ToSiteCsv(documents.Select(d => d.Value)));
        Add(Routes.PathOf(Routes.DataPackage), null, () => DataPackage.Write(graph));
        Add(Routes.PathOf(Routes.EvidenceSchema), null, () => EvidenceSchema.Write(site));
    }

    /// <summary>"Cite this" downloads beside a study or release page; the citation is made with the files, after the
    /// study's prose is rendered (it quotes the summary).</summary>
    void AddCitationFiles(string pageRoute, string source, Func<Citation> cite)
    {
        var citation = new Lazy<Citation>(cite);
        Add(Routes.PathOf(Routes.Cite(pageRoute, "ris")), source, () => CitationFiles.Ris(citation.Value));
        Add(Routes.PathOf(Routes.Cite(pageRoute, "bib")), source, () => CitationFiles.BibTex(citation.Value));
        Add(Routes.PathOf(Routes.Cite(pageRoute, "json")), source, () => CitationFiles.CslJson(citation.Value));
    }

    void AddStaticFiles()
    {
        foreach (var asset in graph.Assets)
            Add(asset, asset, () => AssetPolicy.Read(graph.InputRoot, asset, diagnostics) is { } bytes ? ImageMetadata.Publish(asset, bytes, diagnostics) : []);
        foreach (var file in theme.StaticFiles)
            Add("theme/" + file, null, () => File.ReadAllBytes(Path.Combine(theme.Root, "static", file)));
        // The browser editor (Decap CMS): theme/admin/** is published as it is at /admin/, with its configuration
        // generated from the content kinds (docs/editing-in-the-browser.md).
        var admin = Path.Combine(theme.Root, "admin");
        if (!Directory.Exists(admin)) return;
        Add(EditorConfigFile.Path, null, () => EditorConfigFile.Make(graph, diagnostics));
        foreach (var file in ThemeFiles.Under(admin, diagnostics))
            Add("admin/" + file, null, () => File.ReadAllBytes(Path.Combine(admin, file)));
    }
}
