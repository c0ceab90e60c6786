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
    }

    sealed class StatusProgress(StatusContext context) : IProgress<string>
    {
        public void Report(string value) => context.Status(value + "…");
    }
}
