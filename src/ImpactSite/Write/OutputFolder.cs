using System.Runtime.InteropServices;
using ImpactSite.Render;

namespace ImpactSite.Write;

/// <summary>
/// Writes a build so that readers of the output folder only ever see the old site or the new one, whole: files go to a
/// sibling temporary folder, which then takes the output folder's place in one rename. The folder carries a marker file,
/// and the build refuses any existing folder without it, so it can never delete files it did not make.
/// </summary>
public static partial class OutputFolder
{
    public const string Marker = ".impactsite-output";

    /// <summary>Why this output folder must not be used, or null when it is safe.</summary>
    public static string? Refusal(string output, string input, string theme)
    {
        var o = Full(output);
        var i = Full(input);
        var t = Full(theme);
        if (o == i || IsInside(o, i)) return $"the output folder '{output}' is the input folder or inside it: choose another --output, such as 'output'.";
        if (IsInside(i, o)) return $"the output folder '{output}' contains the input folder: the build would replace your content. Choose another --output.";
        if (o == t || IsInside(o, t) || IsInside(t, o)) return $"the output folder '{output}' overlaps the theme folder: choose another --output.";
        if (File.Exists(o)) return $"'{output}' is a file, not a folder: choose another --output.";
        if (Directory.Exists(o) && Directory.EnumerateFileSystemEntries(o).Any() && !File.Exists(Path.Combine(o, Marker)))
            return $"the folder '{output}' already holds files that ImpactSite did not make (it has no {Marker} file), so the build will not replace it. Empty it, or choose another --output.";
        return null;
    }

    /// <summary>Starts a build of this output folder: files added to the result appear only when it is published.</summary>
    public static StagingFolder Open(string output)
    {
        var target = Full(output);
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        RecoverInterruptedSwap(target);
        return new StagingFolder(target, Path.Combine(parent, $".{Path.GetFileName(target)}.building-{Environment.ProcessId}-{Guid.NewGuid():N}"));
    }

    /// <summary>Writes files that are already in memory, the same way.</summary>
    public static void Write(string output, IReadOnlyList<OutputFile> files)
    {
        using var staging = Open(output);
        Parallel.ForEach(files, staging.Add);
        staging.Publish();
    }

    /// <summary>Atomic exchange on Linux (renameat2 RENAME_EXCHANGE); elsewhere two renames with recovery on the next build.</summary>
    internal static void Swap(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        if (OperatingSystem.IsLinux() && RenameAt2(AtFdCwd, staging, AtFdCwd, target, RenameExchange) == 0)
            return; // the old site is now at 'staging', removed when the staging folder is disposed
        var previous = target + ".previous";
        if (Directory.Exists(previous)) Directory.Delete(previous, recursive: true);
        Directory.Move(target, previous);
        Directory.Move(staging, target);
        Directory.Delete(previous, recursive: true);
    }

    /// <summary>If a build died between the two renames of the fallback swap, put the previous site back.</summary>
    static void RecoverInterruptedSwap(string target)
    {
        var previous = target + ".previous";
        if (!Directory.Exists(target) && File.Exists(Path.Combine(previous, Marker))) Directory.Move(previous, target);
        foreach (var stale in Directory.EnumerateDirectories(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.building-*"))
            if (!IsRunning(stale)) Directory.Delete(stale, recursive: true);
    }

    /// <summary>A staging folder belongs to a live build when the process id in its name is another running process.</summary>
    static bool IsRunning(string staging)
    {
        var parts = Path.GetFileName(staging).Split('-');
        if (parts.Length < 3 || !int.TryParse(parts[^2], out var pid) || pid == Environment.ProcessId) return false;
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>
    /// The real path: every symbolic link on the way resolved (as realpath does for the part that exists; the rest is
    /// taken as written), so the checks above compare where files would really go, and the build writes there. An
    /// output folder given through a link into the input folder is the input folder.
    /// </summary>
    static string Full(string path) => Full(path, 0);

    static string Full(string path, int links)
    {
        var parts = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var real = Path.GetPathRoot(Path.GetFullPath(path))!;
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(real, parts[i]);
            if (new FileInfo(next).LinkTarget is null)
            {
                real = next;
                continue;
            }
            // A link to nothing, or links in a loop, are used as they are: the build then fails to write there, and says so.
            var target = links < 40 ? Target(next) : null;
            if (target is null) return Path.Combine([next, .. parts[(i + 1)..]]);
            return Full(Path.Combine([target, .. parts[(i + 1)..]]), links + 1);
        }
        return Path.TrimEndingDirectorySeparator(real);
    }

    static string? Target(string link)
    {
        try { return new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName; }
        catch (IOException) { return null; }
    }

    internal static bool IsInside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    const int AtFdCwd = -100;
    const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int oldDirFd, string oldPath, int newDirFd, string newPath, uint flags);
}
