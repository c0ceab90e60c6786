using ImpactSite.Model;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;

namespace ImpactSite.Build;

/// <summary>
/// The one build function: (input, theme, build date) -> files. It never writes anything; the CLI and the preview
/// server decide what to do with the result.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(BuildRequest request)
    {
        var diagnostics = new DiagnosticBag();
        if (!Directory.Exists(request.InputRoot))
        {
            diagnostics.Add(new(Severity.Error, request.InputRoot, 1, 1, $"there is no input folder '{request.InputRoot}': run this from your site's folder, or pass --input.", OutsideInput: true));
            return new([], diagnostics.Sorted(), null);
        }
        if (!Directory.EnumerateFileSystemEntries(request.InputRoot).Any())
        {
            diagnostics.Error("site.yml", 1, 1, "the input folder is empty: create site.yml (title and base_url), then add a study as studies/<study>/index.md (docs/content-guide.md has an example of every file).");
            return new([], diagnostics.Sorted(), null);
        }

        var steps = new BuildSteps(request.Progress);
        var graph = steps.Run("Reading the content", () => SiteGraphBuilder.Build(request.InputRoot, request.BuildDate, request.IncludeDrafts, diagnostics));
        var theme = request.LoadedTheme ?? steps.Run("Loading the theme", () => Theme.Load(request.ThemeRoot, diagnostics));
        if (graph is null || theme is null) return new([], diagnostics.Sorted(), graph) { Timings = steps.Timings };

        var files = steps.Run("Rendering pages and data", () => new SiteRenderer(graph, theme, diagnostics).Render());
        if (files.Count > 0)
        {
            steps.Run("Checking pages and links", () => HtmlChecks.Run(files, graph.Site, request.InputRoot, diagnostics));
            steps.Run("Checking for withheld names", () => LeakGuard.Run(files, graph.People.Values, request.InputRoot, diagnostics));
        }
        return new(diagnostics.HasErrors ? [] : files, diagnostics.Sorted(), graph) { Timings = steps.Timings };
    }
}
