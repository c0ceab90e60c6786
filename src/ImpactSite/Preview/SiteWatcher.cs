using System.Diagnostics;
using System.Threading.Channels;

namespace ImpactSite.Preview;

/// <summary>
/// Watches the input and theme folders (with their subfolders) and turns bursts of file events into one "something
/// changed" signal: <see cref="WaitForChangesAsync"/> returns once the folders have been quiet for the debounce time,
/// with the paths that changed. Editor scratch files and, in the input, the files the build ignores ('_' and '.'
/// names) do not count.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    /// <summary>A burst that never goes quiet (a large checkout) still gets a build after this long.</summary>
    static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    readonly List<FileSystemWatcher> watchers = [];
    readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    readonly TimeSpan debounce;
    readonly Lock gate = new();
    readonly SortedSet<string> changed = new(StringComparer.Ordinal);
    long lastEvent;

    public SiteWatcher(TimeSpan debounce, params (string Root, bool IsInput)[] folders)
    {
        this.debounce = debounce;
        foreach (var (root, isInput) in folders)
        {
            if (!Directory.Exists(root)) continue;
            var full = Path.GetFullPath(root);
            FileSystemWatcher watcher;
            try
            {
                watcher = new FileSystemWatcher(full)
                {
                    IncludeSubdirectories = true,
                    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
                    InternalBufferSize = 64 * 1024,
                };
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                Problems.Add($"cannot watch {root} for changes ({e.Message}): restart the preview to see changes there.");
                continue;
            }
            var label = root;
            FileSystemEventHandler onChange = (_, e) => Changed(label, full, e.FullPath, isInput);
            watcher.Changed += onChange;
            watcher.Created += onChange;
            watcher.Deleted += onChange;
            watcher.Renamed += (_, e) =>
            {
                Changed(label, full, e.OldFullPath, isInput);
                Changed(label, full, e.FullPath, isInput);
            };
            // Too many events at once: the buffer overflowed and some were lost, so rebuild to be sure.
            watcher.Error += (_, _) => Record(label + "/ (many files)");
            try
            {
                // On Linux this is where the system's limit on watches (fs.inotify.max_user_instances) is met.
                watcher.EnableRaisingEvents = true;
                watchers.Add(watcher);
            }
            catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
            {
                watcher.Dispose();
                Problems.Add($"cannot watch {root} for changes ({e.Message}): restart the preview to see changes there.");
            }
        }
    }

    /// <summary>Folders that could not be watched, with why: the site is still served, but not rebuilt for them.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Waits for the next change, then until the folders are quiet; returns what changed since the last call.</summary>
    public async Task<IReadOnlyList<string>> WaitForChangesAsync(CancellationToken cancel)
    {
        await signal.Reader.ReadAsync(cancel);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var quietFor = Stopwatch.GetElapsedTime(Interlocked.Read(ref lastEvent));
            if (quietFor >= debounce || Stopwatch.GetElapsedTime(start) >= MaxDelay) break;
            await Task.Delay(debounce - quietFor, cancel);
        }
        signal.Reader.TryRead(out _);
        lock (gate)
        {
            var paths = changed.ToList();
            changed.Clear();
            return paths;
        }
    }

    /// <summary>Asks for a build as if a file had changed (the first build, for one).</summary>
    public void Trigger()
    {
        Interlocked.Exchange(ref lastEvent, Stopwatch.GetTimestamp());
        signal.Writer.TryWrite(true);
    }

    void Changed(string label, string root, string fullPath, bool isInput)
    {
        var relative = Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        if (Ignored(relative, isInput)) return;
        Record(label.TrimEnd('/', '\\') + "/" + relative);
    }

    void Record(string path)
    {
        lock (gate) changed.Add(path);
        Interlocked.Exchange(ref lastEvent, Stopwatch.GetTimestamp());
        signal.Writer.TryWrite(true);
    }

    /// <summary>Hidden files and folders (editor scratch files, .git) and editor backups; in the input also '_' names, which the build ignores.</summary>
    public static bool Ignored(string relative, bool isInput)
    {
        var parts = relative.Split('/');
        // Hidden files are editors' scratch copies (an atomic save ends with a rename to the real name, which counts).
        if (parts.Any(p => p.StartsWith('.'))) return true;
        if (isInput && parts.Any(p => p.StartsWith('_'))) return true;
        var name = parts[^1];
        return name.EndsWith('~') || name == "4913" // vim's write test
            || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal)
            || name.StartsWith(".#", StringComparison.Ordinal) || (name.StartsWith('#') && name.EndsWith('#'));
    }

    public void Dispose()
    {
        foreach (var watcher in watchers) watcher.Dispose();
        signal.Writer.TryComplete();
    }
}
