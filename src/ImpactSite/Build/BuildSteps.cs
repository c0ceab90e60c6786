using System.Diagnostics;

namespace ImpactSite.Build;

/// <param name="Paused">How long the garbage collector stopped the build during the step; <paramref name="FullCollections"/>,
/// how many times it collected everything; <paramref name="Allocated"/>, the bytes the build allocated meanwhile. Two
/// steps may overlap (the theme loads while the content is read), so these are the process's, not the step's alone.</param>
public sealed record StepTiming(string Step, TimeSpan Elapsed, TimeSpan Paused, int FullCollections, long Allocated);

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
        var (paused, full, allocated) = (GC.GetTotalPauseDuration(), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
        var result = work();
        lock (timings)
            timings.Add(new(step, clock.Elapsed, GC.GetTotalPauseDuration() - paused, GC.CollectionCount(2) - full, GC.GetTotalAllocatedBytes() - allocated));
        return result;
    }

    public void Run(string step, Action work) => Run(step, () => { work(); return true; });
}
