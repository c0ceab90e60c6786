using System.Collections.Concurrent;
using ImpactSite.Render;

namespace ImpactSite.Write;

/// <summary>
/// A build in progress: files are written, as they arrive, into a hidden sibling of the output folder, which takes the
/// output folder's place in one rename when <see cref="Publish"/> is called. Disposing it unpublished deletes it, so a
/// failed build leaves the previous site exactly as it was. A file whose bytes are the same as in the previous site is
/// not written again: the previous site's copy gets a second name in the staging folder (a hard link), so an unchanged
/// site costs reading, not writing, and unchanged files keep their times for hosts and rsync.
/// </summary>
public sealed class StagingFolder : IOutputSink, IDisposable
{
    readonly string target;
    readonly string staging;
    readonly string? previous;
    readonly ConcurrentDictionary<string, bool> folders = new(StringComparer.Ordinal);
    int count;

    internal StagingFolder(string target, string staging)
    {
        this.target = target;
        this.staging = staging;
        // Only a folder this build made before (the marker) is reused; OutputFolder.Refusal keeps any other away.
        previous = File.Exists(Path.Combine(target, OutputFolder.Marker)) ? target : null;
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
        if (!Reused(path, file)) WriteNew(path, file);
        Interlocked.Increment(ref count);
    }

    /// <summary>Links the previous site's copy into place when it holds exactly these bytes.</summary>
    bool Reused(string path, OutputFile file)
    {
        if (previous is null) return false;
        var old = new FileInfo(Path.Combine(previous, Path.GetRelativePath(staging, path)));
        if (!old.Exists || old.Attributes.HasFlag(FileAttributes.ReparsePoint)) return false;
        var content = file.Content;
        return old.Length == content.Length && File.ReadAllBytes(old.FullName).AsSpan().SequenceEqual(content) && HardLink.TryCreate(old.FullName, path);
    }

    /// <summary>
    /// Always a new file, never written through an existing name: that name could be a link to the previous site's
    /// file, which must stay as it was until the swap.
    /// </summary>
    static void WriteNew(string path, OutputFile file)
    {
        if (File.Exists(path)) File.Delete(path);
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.WriteTo(stream);
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
