using System.Collections.Concurrent;
using ImpactSite.Render;

namespace ImpactSite.Write;

/// <summary>Keeps the built files in memory (the preview server serves them; tests read them).</summary>
public sealed class MemoryOutput : IOutputSink
{
    readonly ConcurrentBag<OutputFile> files = [];

    // The text copy is dropped: the bytes are what is served, and keeping both would double the memory.
    public void Add(OutputFile file) => files.Add(new OutputFile(file.Path, file.Content, file.Source));

    /// <summary>The files sorted by path, so every consumer sees the same order from build to build.</summary>
    public IReadOnlyList<OutputFile> Files => files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
}
