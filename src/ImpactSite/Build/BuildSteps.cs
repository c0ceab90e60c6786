using System.Diagnostics;

namespace ImpactSite.Build;

public sealed record StepTiming(string Step, TimeSpan Elapsed);

/// <summary>Times the build's steps and tells an observer (the CLI's progress display) which step is running.</summary>
public sealed class BuildSteps(IProgress<string>? progress)
{
    readonly List<StepTiming> timings = [];

    public IReadOnlyList<StepTiming> Timings => timings;

    public T Run<T>(string step, Func<T> work)
    {
        progress?.Report(step);
        var clock = Stopwatch.StartNew();
        var result = work();
        timings.Add(new(step, clock.Elapsed));
        return result;
    }

    public void Run(string step, Action work) => Run(step, () => { work(); return true; });
}
