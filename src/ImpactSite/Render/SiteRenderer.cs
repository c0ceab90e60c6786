using ImpactSite.Model;
using ImpactSite.Render.Markdown;
using ImpactSite.Validate;
using ImpactSite.Write;

namespace ImpactSite.Render;

/// <summary>
/// The render step of a full build: every entry's markdown to HTML, then every planned file made and handed to the
/// output as soon as it is ready, in parallel across cores, so nothing holds the whole site in memory.
/// </summary>
public static class SiteRenderer
{
    /// <summary>Makes every planned file and hands it on; call <see cref="RenderProse"/> first.</summary>
    /// <param name="parallel">Cancellation and how many cores to use; by default, all of them.</param>
    public static void MakeAll(SitePlan plan, IOutputSink output, ParallelOptions? parallel = null) =>
        Parallel.ForEach(plan.Files.Values, parallel ?? new ParallelOptions(), file => output.Add(file.Make()));

    /// <summary>Sets every entry's prose to render the first time a page or data file reads it (the preview).</summary>
    public static void DeferProse(SiteGraph graph, DiagnosticBag diagnostics)
    {
        var renderer = new ProseRenderer(graph, diagnostics);
        foreach (var entry in graph.Entries)
            foreach (var prose in entry.AllProse)
                prose.RenderOnFirstUse(p => renderer.Render(p, entry.SourcePath));
    }

    public static void RenderProse(SiteGraph graph, DiagnosticBag diagnostics)
    {
        var renderer = new ProseRenderer(graph, diagnostics);
        Parallel.ForEach(graph.Entries, entry =>
        {
            foreach (var prose in entry.AllProse) renderer.Render(prose, entry.SourcePath);
        });
    }
}
