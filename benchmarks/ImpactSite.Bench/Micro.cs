using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ImpactSite.Build;
using ImpactSite.Load;
using ImpactSite.Model;
using ImpactSite.Render.Markdown;
using ImpactSite.Render.Pages;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Bench;

/// <summary>The default config (loggers, columns, exporters) with one ShortRun job, in-process (no child project build).</summary>
public static class MicroConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default);
}

/// <summary>
/// The per-entry hot steps, on one real entry: a meeting note from the input folder (IMPACTSITE_BENCH_INPUT, default
/// the repository's input/), which has a table, @mentions, links, a task list and a footnote.
/// </summary>
[MemoryDiagnoser]
public class HotSteps
{
    string input = "";
    SourceFile source = null!;
    SiteGraph graph = null!;
    Entry entry = null!;
    ProseRenderer prose = null!;
    string body = "";
    Theme theme = null!;
    PageView page = null!;

    [GlobalSetup]
    public void Setup()
    {
        var root = Program.RepoRoot();
        input = Environment.GetEnvironmentVariable("IMPACTSITE_BENCH_INPUT") is { Length: > 0 } i ? i : Path.Combine(root, "input");
        var diagnostics = new DiagnosticBag();
        graph = SiteGraphBuilder.Build(input, BuildDate.FromEnvironment(), false, diagnostics)
                ?? throw new InvalidOperationException($"{input} does not build");
        theme = Theme.Load(Path.Combine(root, "theme"), diagnostics) ?? throw new InvalidOperationException("theme does not load");
        // The meeting with the longest body: the heaviest typical entry.
        entry = graph.Studies.SelectMany(s => s.Meetings).OrderByDescending(m => m.Body.Markdown.Length).First();
        source = SourceFile.Read(input, entry.SourcePath, new DiagnosticBag());
        body = entry.Body.Markdown; // rendered prose lets go of its markdown
        prose = new ProseRenderer(graph);
        foreach (var e in graph.Entries)
            foreach (var p in e.AllProse) prose.Render(p, e.SourcePath);
        page = new SitePages(graph).All().First(p => p.Route == entry.Route).View();
    }

    [Benchmark(Description = "front matter parse (FrontMatterDocument.Parse, one meeting)")]
    public FrontMatterDocument FrontMatter() => FrontMatterDocument.Parse(source, new DiagnosticBag());

    [Benchmark(Description = "prose render (ProseRenderer.Render, one meeting body)")]
    public string Prose()
    {
        var fresh = new Prose(body, entry.Body.At, inline: false);
        prose.Render(fresh, entry.SourcePath);
        return fresh.Html;
    }

    [Benchmark(Description = "sanitise only (ContributedHtml.Sanitize, one meeting body)")]
    public string Sanitize() => ContributedHtml.Sanitize(entry.Body.Html);

    [Benchmark(Description = "page render (Theme.Render, one meeting page)")]
    public string Page() => theme.Render(page);
}
