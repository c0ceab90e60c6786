using System.Diagnostics;
using System.Globalization;
using ImpactSite.Build;
using ImpactSite.Model;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;
using ImpactSite.Write;
using ImpactSite.Content;

namespace ImpactSite.Bench;

/// <summary>
/// Runs the stages of SiteBuilder.Build (plus the CLI's write) one after another, as the build does, and measures
/// each: wall time, CPU time (Process.TotalProcessorTime, all threads), bytes allocated (all threads) and GCs.
/// The build itself streams each file through render, checks and write; here the steps run one after another over the
/// whole site so that each can be timed alone (which holds every file in memory at once, unlike the build). After them,
/// the streamed build is timed as the CLI runs it; it re-does the work, so it is reported separately.
/// </summary>
public static class Steps
{
    /// <param name="Live">Bytes still reachable after the step (measured after a full collection, outside the timing).</param>
    sealed record Row(string Step, double WallMs, double CpuMs, long Allocated, int Gen0, int Gen1, int Gen2, long Live = 0);

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
            SitePlan? plan = null;
            rows.Add(Measure("plan (SitePlan.For: every file's path, source and maker)", () => plan = SitePlan.For(graph, loaded, diagnostics)));
            if (plan is null) return Fail(diagnostics, input);
            rows.Add(Measure("prose (SiteRenderer.RenderProse: Markdig, sanitiser, plain text)", () => SiteRenderer.RenderProse(graph)));
            var rendered = new Collected();
            rows.Add(Measure("make files (templates, data files, assets; kept in memory)", () => Parallel.ForEach(plan.Files.Values, f => rendered.Add(f.Make()))));
            files = rendered.Files;
            rows.Add(Measure("html checks (HtmlChecks.Inspect + Finish)", () =>
            {
                var checks = new HtmlChecks(graph.Site, input, diagnostics);
                Parallel.ForEach(files.Where(f => HtmlChecks.IsPage(f.Path)), checks.Inspect);
                checks.Finish(plan.Files.Keys.ToHashSet(StringComparer.Ordinal));
            }));
            rows.Add(Measure("leak guard (LeakGuard.Inspect)", () =>
            {
                if (LeakGuard.For(graph.People.Values, input, diagnostics) is { } guard) Parallel.ForEach(files, file => guard.Inspect(file));
            }));
            if (diagnostics.HasErrors) return Fail(diagnostics, input);
            rows.Add(Measure("write (OutputFolder.Write)", () => OutputFolder.Write(output, files)));
            var total = new Row("**total**", rows.Sum(r => r.WallMs), rows.Sum(r => r.CpuMs), rows.Sum(r => r.Allocated),
                rows.Sum(r => r.Gen0), rows.Sum(r => r.Gen1), rows.Sum(r => r.Gen2), rows.Max(r => r.Live));

            // Extra passes, not part of the build total: what the render step's time is made of.
            var extra = new List<Row>
            {
                Measure("the build as the CLI runs it: every step streamed into a staging folder (SiteBuilder.Build)", () =>
                {
                    using var staging = OutputFolder.Open(output);
                    SiteBuilder.Build(new BuildRequest(input, theme, today, Output: staging));
                    staging.Publish();
                }),
            };

            var pages = files.Count(f => f.Path.EndsWith(".html", StringComparison.Ordinal));
            var bytes = files.Sum(f => (long)f.Content.Length);
            Console.WriteLine();
            Console.WriteLine($"## Run {run}: {graph.Entries.Count()} entries, {files.Count} files ({pages} HTML pages, {bytes / 1048576.0:0.0} MiB), " +
                              $"{diagnostics.Sorted().Count(d => d.Severity == Severity.Warning)} warnings");
            Console.WriteLine();
            Console.WriteLine("| step | wall ms | CPU ms | CPU/wall | allocated MiB | GC gen0/1/2 | live MiB after |");
            Console.WriteLine("|---|---:|---:|---:|---:|---|---:|");
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

    /// <summary>Keeps every file with its text, as the streamed build hands it to the checks.</summary>
    sealed class Collected : IOutputSink
    {
        readonly System.Collections.Concurrent.ConcurrentBag<OutputFile> files = [];
        public void Add(OutputFile file) => files.Add(file);
        public IReadOnlyList<OutputFile> Files => [.. files];
    }

    static void Print(Row r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {r.Step} | {r.WallMs:0} | {r.CpuMs:0} | {(r.WallMs > 0 ? r.CpuMs / r.WallMs : 0):0.00} | {r.Allocated / 1048576.0:0} | {r.Gen0}/{r.Gen1}/{r.Gen2} | {r.Live / 1048576.0:0} |"));

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
        var row = new Row(step, clock.Elapsed.TotalMilliseconds, cpu.TotalMilliseconds, GC.GetTotalAllocatedBytes(precise: true) - alloc0,
            GC.CollectionCount(0) - g0, GC.CollectionCount(1) - g1, GC.CollectionCount(2) - g2);
        return row with { Live = GC.GetTotalMemory(forceFullCollection: true) };
    }

    static int Fail(DiagnosticBag diagnostics, string input)
    {
        foreach (var d in diagnostics.Sorted().Where(d => d.Severity == Severity.Error).Take(20)) Console.Error.WriteLine(d.Format(input));
        Console.Error.WriteLine("the build has errors: steps were not all measured.");
        return 1;
    }
}
