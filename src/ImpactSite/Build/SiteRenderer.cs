using ImpactSite.Render.Markdown;
using ImpactSite.Validate;
using ImpactSite.Render;
using ImpactSite.Content;

namespace ImpactSite.Build;

/// <summary>
/// The render step of a full build: every entry's markdown to HTML, then every planned file made and handed to the
/// output as soon as it is ready, in parallel across cores, so nothing holds the whole site in memory.
/// </summary>
public static class SiteRenderer
{
    /// <summary>Makes every planned file and hands it on; call <see cref="RenderProse"/> first.</summary>
    /// <param name="parallel">Cancellation and how many cores to use; by default, all of them.</param>
    /// <param name="output">Takes each file as it is made (the checks, then a sink: see Build/SiteBuilder).</param>
    public static void MakeAll(SitePlan plan, Action<OutputFile> output, ParallelOptions? parallel = null) =>
        Parallel.ForEach(plan.Files.Values, parallel ?? new ParallelOptions(), file => output(file.Make()));

    /// <summary>
    /// Sets each entry's prose to render the first time a page or data file reads it (the preview); prose shared with
    /// the previous graph and rendered already is left as it is. Its problems are reported by <see cref="ReportProse"/>.
    /// </summary>
    public static void DeferProse(SiteGraph graph)
    {
        var renderer = new ProseRenderer(graph);
        // A study is read (or reused) with its meetings and decisions: when its prose is not new, none of theirs is.
        // Looking at one entry per study keeps a one-file edit from touching the other thousands.
        var fresh = graph.Studies.Where(s => s.Body.IsNew).SelectMany(s => s.Meetings.Concat<Entry>(s.Decisions).Prepend(s))
            .Concat(graph.Posts.Concat<Entry>(graph.Pages).Where(e => e.Body.IsNew));
        foreach (var entry in fresh)
            foreach (var prose in entry.AllProse)
                prose.RenderOnFirstUse(p => renderer.Render(p, entry.SourcePath));
    }

    /// <summary>Renders every entry's prose, on all cores; <see cref="ReportProse"/> reports what rendering found.</summary>
    public static void RenderProse(SiteGraph graph)
    {
        var renderer = new ProseRenderer(graph);
        Parallel.ForEach(graph.Entries, entry =>
        {
            foreach (var prose in entry.AllProse) renderer.Render(prose, entry.SourcePath);
        });
    }

    /// <summary>Reports the problems found in every entry's prose, rendering any not rendered yet.</summary>
    public static void ReportProse(SiteGraph graph, DiagnosticBag diagnostics, CancellationToken cancel = default)
    {
        foreach (var prose in graph.Entries.SelectMany(e => e.AllProse))
        {
            cancel.ThrowIfCancellationRequested();
            diagnostics.AddRange(prose.Problems);
        }
    }
}
