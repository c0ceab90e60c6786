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
        foreach (var t in timings) writer.WriteLine($"  {t.Step,-30} {t.Elapsed.TotalMilliseconds,8:0} ms");
        // The garbage collector's share: a build's time goes in part to it, and these tell how much.
        writer.WriteLine($"  {"Collecting garbage (paused)",-30} {GC.GetTotalPauseDuration().TotalMilliseconds,8:0} ms " +
            $"({GC.CollectionCount(0)} collections, {GC.CollectionCount(1)} of them of older objects, {GC.CollectionCount(2)} of all; " +
            $"{GC.GetTotalAllocatedBytes() / (1024 * 1024)} MiB allocated)");
    }

    sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status(value + "…");
    }
}
