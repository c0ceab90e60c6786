using System.Collections.Concurrent;
using ImpactSite.Render;

namespace ImpactSite.Write;

/// <summary>
/// A build in progress: files are written, as they arrive, into a hidden sibling of the output folder, which takes the
/// output folder's place in one rename when <see cref="Publish"/> is called. Disposing it unpublished deletes it, so a
/// failed build leaves the previous site exactly as it was.
/// </summary>
public sealed class StagingFolder : IOutputSink, IDisposable
{
    readonly string target;
    readonly string staging;
    readonly ConcurrentDictionary<string, bool> folders = new(StringComparer.Ordinal);
    int count;

    internal StagingFolder(string target, string staging)
    {
        this.target = target;
        this.staging = staging;
        Directory.CreateDirectory(staging);
        folders[staging] = true;
    }

    public int Count => count;

    public void Add(OutputFile file)
    {
        var path = Path.GetFullPath(Path.Combine(staging, file.Path));
        if (!OutputFolder.IsInside(path, staging)) throw new IOException($"refusing to write outside the output folder: {file.Path}");
        var folder = Path.GetDirectoryName(path)!;
        // Most pages live in a folder of their own: remember the folders made rather than asking the file system each time.
        // Remembered only once made, so another thread never writes into a folder that is still being created.
        if (!folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            folders.TryAdd(folder, true);
        }
        File.WriteAllBytes(path, file.Content);
        Interlocked.Increment(ref count);
    }

    /// <summary>Marks the folder as ImpactSite's and swaps it in for the output folder.</summary>
    public void Publish()
    {
        File.WriteAllText(Path.Combine(staging, OutputFolder.Marker), "This folder is written by ImpactSite; each build replaces it whole.\n");
        OutputFolder.Swap(staging, target);
    }

    public void Dispose()
    {
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    }
}
