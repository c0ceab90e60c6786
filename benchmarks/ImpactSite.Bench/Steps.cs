using System.Diagnostics;
using System.Globalization;
using ImpactSite.Build;
using ImpactSite.Model;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Render.Markdown;
using ImpactSite.Render.Pages;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;
using ImpactSite.Write;

namespace ImpactSite.Bench;

/// <summary>
/// Runs the stages of SiteBuilder.Build (plus the CLI's write) one after another, as the build does, and measures
/// each: wall time, CPU time (Process.TotalProcessorTime, all threads), bytes allocated (all threads) and GCs.
/// After the build, two extra passes split the render step into prose (Markdig + sanitiser) and templates
/// (Handlebars); they re-do work already done, so they are reported separately and are not in the total.
/// </summary>
public static class Steps
{
    sealed record Row(string Step, double WallMs, double CpuMs, long Allocated, int Gen0, int Gen1, int Gen2);

    public static int Run(string[] args)
    {
        var root = Program.RepoRoot();
        string input = Path.Combine(root, "input"), theme = Path.Combine(root, "theme");
        string? output = null;
        var repeat = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--input" when i + 1 < args.Length: input = args[++i]; break;
                case "--theme" when i + 1 < args.Length: theme = args[++i]; break;
                case "--output" when i + 1 < args.Length: output = args[++i]; break;
                case "--repeat" when i + 1 < args.Length: repeat = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return 2;
            }
        }
        output ??= Path.Combine(Path.GetTempPath(), $"impactsite-steps-{Environment.ProcessId}");
        var today = BuildDate.FromEnvironment();
        Console.WriteLine($"# ImpactSite build steps: {input}");
        Console.WriteLine();
        Console.WriteLine($"Build date {today:yyyy-MM-dd}, {Environment.ProcessorCount} processors, .NET {Environment.Version}, " +
                          $"server GC {System.Runtime.GCSettings.IsServerGC}, {repeat} run(s) (the first is cold: it includes JIT).");

        for (var run = 1; run <= repeat; run++)
        {
            var rows = new List<Row>();
            var diagnostics = new DiagnosticBag();
            SiteGraph? graph = null;
            Theme? loaded = null;
            IReadOnlyList<OutputFile> files = [];
            rows.Add(Measure("load + model (SiteGraphBuilder.Build)", () => graph = SiteGraphBuilder.Build(input, today, false, diagnostics)));
            rows.Add(Measure("theme (Theme.Load)", () => loaded = Theme.Load(theme, diagnostics)));
            if (graph is null || loaded is null) return Fail(diagnostics, input);
            rows.Add(Measure("render (SiteRenderer.Render)", () => files = new SiteRenderer(graph, loaded, diagnostics).Render()));
            rows.Add(Measure("html checks (HtmlChecks.Run)", () => HtmlChecks.Run(files, graph.Site, input, diagnostics)));
            rows.Add(Measure("leak guard (LeakGuard.Run)", () => LeakGuard.Run(files, graph.People.Values, input, diagnostics)));
            if (diagnostics.HasErrors) return Fail(diagnostics, input);
            rows.Add(Measure("write (OutputFolder.Write)", () => OutputFolder.Write(output, files)));
            var total = new Row("**total**", rows.Sum(r => r.WallMs), rows.Sum(r => r.CpuMs), rows.Sum(r => r.Allocated),
                rows.Sum(r => r.Gen0), rows.Sum(r => r.Gen1), rows.Sum(r => r.Gen2));

            // Extra passes, not part of the build total: what the render step's time is made of.
            var extra = new List<Row>
            {
                Measure("render: prose only (ProseRenderer, all entries, again)", () =>
                {
                    var prose = new ProseRenderer(graph, new DiagnosticBag());
                    Parallel.ForEach(graph.Entries, e => { foreach (var p in e.AllProse) prose.Render(p, e.SourcePath); });
                }),
                Measure("render: templates only (Theme.Render, all pages, again)", () =>
                {
                    var views = new SitePages(graph).All().ToList();
                    Parallel.ForEach(views, v => loaded.Render(v));
                }),
            };

            var pages = files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
            var bytes = files.Sum(f => (long)f.Content.Length);
            Console.WriteLine();
            Console.WriteLine($"## Run {run}: {graph.Entries.Count()} entries, {files.Count} files ({pages} HTML pages, {bytes / 1048576.0:0.0} MiB), " +
                              $"{diagnostics.Sorted().Count(d => d.Severity == Severity.Warning)} warnings");
            Console.WriteLine();
            Console.WriteLine("| step | wall ms | CPU ms | CPU/wall | allocated MiB | GC gen0/1/2 |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|");
            foreach (var row in rows.Append(total)) Print(row);
            foreach (var row in extra) Print(row with { Step = "_" + row.Step + "_" });
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            Console.WriteLine();
            Console.WriteLine($"Peak working set: {self.PeakWorkingSet64 / 1048576.0:0} MiB; managed heap now: {GC.GetTotalMemory(false) / 1048576.0:0} MiB; " +
                              $"GC pause total: {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms.");
        }
        if (Directory.Exists(output) && output.Contains("impactsite-steps-", StringComparison.Ordinal)) Directory.Delete(output, recursive: true);
        return 0;
    }

    static void Print(Row r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Step} | {r.WallMs:0} | {r.CpuMs:0} | {(r.WallMs > 0 ? r.CpuMs / r.WallMs : 0):0.00} | {r.Allocated / 1048576.0:0} | {r.Gen0}/{r.Gen1}/{r.Gen2} |"));

    static Row Measure(string step, Action action)
    {
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
        int g0 = GC.CollectionCount(0), g1 = GC.CollectionCount(1), g2 = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        action();
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpu0;
        return new Row(step, clock.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - alloc0,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
    }

    static int Fail(DiagnosticBag diagnostics, string input)
    {
        foreach (var d in diagnostics.Sorted().Where(d => d.Severity == Severity.Error).Take(20)) Console.Error.WriteLine(d.Format(input));
        Console.Error.WriteLine("the build has errors: steps were not all measured.");
        return 1;
    }
}
