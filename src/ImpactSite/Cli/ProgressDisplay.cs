using ImpactSite.Build;
using Spectre.Console;

namespace ImpactSite.Cli;

/// <summary>
/// Shows which step a long build is on (Spectre.Console's status spinner), only where someone is watching: an
/// interactive terminal outside CI. Elsewhere (pipes, logs, CI) the output stays quiet and plain.
/// </summary>
public static class ProgressDisplay
{
    static bool Wanted =>
        Environment.GetEnvironmentVariable("CI") is null && !Console.IsOutputRedirected && !Console.IsErrorRedirected
        && AnsiConsole.Profile.Capabilities.Interactive;

    public static T Run<T>(Func<IProgress<string>?, T> work)
    {
        if (!Wanted) return work(null);
        T result = default!;
        AnsiConsole.Status().Start("Building…", context => result = work(new StatusProgress(context)));
        return result;
    }

    /// <summary>'--verbose': how long each step took.</summary>
    public static void PrintTimings(IEnumerable<StepTiming> timings, TextWriter writer)
    {
        foreach (var t in timings) writer.WriteLine($"  {t.Step,-30} {t.Elapsed.TotalMilliseconds,8:0} ms{Collections(t)}");
        // The garbage collector's share: a build's time goes in part to it, and these tell how much.
        writer.WriteLine($"  {"Collecting garbage (paused)",-30} {GC.GetTotalPauseDuration().TotalMilliseconds,8:0} ms " +
            $"({GC.CollectionCount(0)} collections, {GC.CollectionCount(1)} of them of older objects, {GC.CollectionCount(2)} of all; " +
            $"{GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated)");
    }

    /// <summary>What a step allocated and what the collector cost it: which step's garbage costs the most.</summary>
    static string Collections(StepTiming t) => t.Allocated < 1024 * 1024 ? "" :
        $" ({t.Allocated / (1024 * 1024)} MiB allocated{(t.Paused.TotalMilliseconds >= 1 ? $", {t.Paused.TotalMilliseconds:0} ms paused" : "")}" +
        $"{(t.FullCollections > 0 ? $", {t.FullCollections} full collection{(t.FullCollections == 1 ? "" : "s")}" : "")})";

    sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status(value + "…");
    }
}
