using BenchmarkDotNet.Running;

namespace ImpactSite.Bench;

/// <summary>
/// impactsite-bench steps --input DIR [--theme DIR] [--output DIR] [--repeat N]
///     times each build stage in-process (wall, CPU, allocated bytes) and the peak working set.
/// impactsite-bench preview --input DIR [--theme DIR] [--edits N]
///     save-to-served time of one-file edits in the preview server (edits one decision, then restores it).
/// impactsite-bench micro [BenchmarkDotNet arguments, e.g. --filter *Prose*]
///     BenchmarkDotNet micro-benchmarks of hot steps (ShortRun, in-process). IMPACTSITE_BENCH_INPUT picks the input
///     folder (default: the repository's input/).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "steps") return Steps.Run(args[1..]);
        if (args.Length > 0 && args[0] == "preview") return PreviewLatency.Run(args[1..]).GetAwaiter().GetResult();
        if (args.Length > 0 && args[0] == "micro")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..], MicroConfig.Create());
            return 0;
        }
        Console.Error.WriteLine("usage: impactsite-bench steps --input DIR [--theme DIR] [--output DIR] [--repeat N]\n" +
                                "       impactsite-bench preview --input DIR [--theme DIR] [--edits N]\n" +
                                "       impactsite-bench micro [--filter PATTERN]");
        return 2;
    }

    /// <summary>The repository root (the folder holding ImpactSite.sln), for default input and theme paths.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImpactSite.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}
