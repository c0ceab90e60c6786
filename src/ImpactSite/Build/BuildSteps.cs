using System.Diagnostics;

namespace ImpactSite.Build;

public sealed record StepTiming(string Step, TimeSpan Elapsed);

/// <summary>Times the build's steps and tells an observer (the CLI's progress display) which step is running. Two steps
/// may run at once (the theme loads while the content is read).</summary>
public sealed class BuildSteps(IProgress<string>? progress)
{
    readonly List<StepTiming> timings = [];

    public IReadOnlyList<StepTiming> Timings
    {
        get { lock (timings) return [.. timings]; }
    }

    public T Run<T>(string step, Func<T> work)
    {
        progress?.Report(step);
        var clock = Stopwatch.StartNew();
        var result = work();
        lock (timings) timings.Add(new(step, clock.Elapsed));
        return result;
    }

    public void Run(string step, Action work) => Run(step, () => { work(); return true; });
}
