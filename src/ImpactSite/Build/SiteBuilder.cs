using ImpactSite.Model;
using ImpactSite.PostProcess;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;
using ImpactSite.Write;
using ImpactSite.Content;

namespace ImpactSite.Build;

/// <summary>A site read and planned, before any file is made: what the preview serves from, and what a build makes.</summary>
public sealed record PreparedSite(string InputRoot, SiteGraph? Graph, SitePlan? Plan, DiagnosticBag Diagnostics, BuildSteps Steps);

/// <summary>
/// The one build function: (input, theme, build date) -> files. Files stream through render and checks into the
/// request's output (a staging folder, memory, or nowhere); the CLI and the preview server decide what that output is.
/// The steps and their order live here only: <see cref="Build"/> is <see cref="Prepare"/> (read, model, plan), all prose
/// rendered at once, then <see cref="MakeAndCheck"/> (every file through the checks, then every prose problem). The
/// preview, which makes each page when it is asked for and checks the whole site behind it, is
/// <see cref="PrepareForPreview"/> then the same <see cref="MakeAndCheck"/>; its tests drive exactly these two.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildRequest request)
    {
        var prepared = Prepare(request);
        var (graph, plan, diagnostics, steps) = (prepared.Graph, prepared.Plan, prepared.Diagnostics, prepared.Steps);
        if (graph is null || plan is null) return new([], diagnostics.Sorted(), graph) { Timings = steps.Timings };

        steps.Run("Rendering markdown", () => SiteRenderer.RenderProse(graph));
        var memory = request.Output is null ? new MemoryOutput() : null;
        MakeAndCheck(prepared, request.Output ?? memory!);
        var files = diagnostics.HasErrors ? [] : memory?.Files ?? [];
        return new(files, diagnostics.Sorted(), graph) { Timings = steps.Timings, FileCount = diagnostics.HasErrors ? 0 : plan.Files.Count };
    }

    /// <summary>Reads the input and the theme and plans every file; Graph or Plan is null when that was not possible.</summary>
    public static PreparedSite Prepare(BuildRequest request)
    {
        var diagnostics = new DiagnosticBag();
        var steps = new BuildSteps(request.Progress);
        if (!Directory.Exists(request.InputRoot))
        {
            diagnostics.Add(new(Severity.Error, request.InputRoot, 1, 1, $"there is no input folder '{request.InputRoot}': run this from your site's folder, or pass --input.", OutsideInput: true));
            return new(request.InputRoot, null, null, diagnostics, steps);
        }
        if (!Directory.EnumerateFileSystemEntries(request.InputRoot).Any())
        {
            diagnostics.Error("site.yml", 1, 1, "the input folder is empty: create site.yml (title and base_url), then add a study as studies/<study>/index.md (docs/content-guide.md has an example of every file).");
            return new(request.InputRoot, null, null, diagnostics, steps);
        }

        // The theme compiles on another core while the content is read: neither needs the other.
        var loadingTheme = request.LoadedTheme is { } loaded
            ? Task.FromResult<Theme?>(loaded)
            : Task.Run(() => steps.Run("Loading the theme", () => Theme.Load(request.ThemeRoot, diagnostics)));
        var graph = steps.Run("Reading the content", () =>
            SiteGraphBuilder.Build(request.InputRoot, request.BuildDate, request.IncludeDrafts, diagnostics, request.Cache));
        if (graph is not null) steps.Run("Rebuilding releases from git", () => StudyReleases.Freeze(graph, request.InputRoot, diagnostics, request.Cache));
        var theme = loadingTheme.GetAwaiter().GetResult();
        var plan = graph is null || theme is null ? null : steps.Run("Planning pages", () => SitePlan.For(graph, theme, diagnostics));
        return new(request.InputRoot, graph, plan, diagnostics, steps);
    }

    /// <summary>The preview's half: the site read and planned, with prose set to render when a page first shows it.</summary>
    public static PreparedSite PrepareForPreview(BuildRequest request)
    {
        var prepared = Prepare(request);
        if (prepared.Graph is { } graph) SiteRenderer.DeferProse(graph);
        return prepared;
    }

    /// <summary>
    /// Makes every planned file, checks it (page structure, withheld names) and hands it to the output, checks the
    /// links between pages, then reports what rendering found in every entry's prose (also prose no page shows). Prose
    /// must be rendered first, or set to render on first use.
    /// </summary>
    public static void MakeAndCheck(PreparedSite site, IOutputSink output, ParallelOptions? parallel = null)
    {
        if (site.Graph is not { } graph || site.Plan is not { } plan) return;
        var links = new HtmlChecks(graph.Site, site.InputRoot, site.Diagnostics);
        var leaks = LeakGuard.For(graph, site.Diagnostics);
        var checkedOutput = new CheckedOutput(links, leaks, output);
        site.Steps.Run("Making, checking and writing files", () => SiteRenderer.MakeAll(plan, checkedOutput.Add, parallel));
        leaks.Finish();
        var published = plan.Files.Keys.ToHashSet(StringComparer.Ordinal);
        site.Steps.Run("Checking links", () => links.Finish(published));
        SiteRenderer.ReportProse(graph, site.Diagnostics, parallel?.CancellationToken ?? default);
    }
}
