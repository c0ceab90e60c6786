using System.Diagnostics;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Cli;

/// <summary>
/// A build killed with SIGKILL at any moment leaves the previous site whole (or the new one whole), never a mix. The
/// kills are timed by what the build has done, not by the clock: as its staging folder gets its first file, a third of
/// the site, and all of it.
/// </summary>
public sealed class InterruptedBuildTests
{
    [Fact]
    public void Kill_minus_9_half_way_leaves_the_previous_output_exactly_as_it_was()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        for (var i = 0; i < 1500; i++)
            temp.Decision("alpha", $"d{i}", "2025-01-10", $"status: open\ntags: [t{i}]");
        string[] args = ["build", "--input", "input", "--theme", Repo.Theme, "--output", "output"];
        var env = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1795392000" };
        Assert.Equal(0, CliRunner.Invoke(temp.Root, env, args).ExitCode);
        var before = CliRunner.Snapshot(Path.Combine(temp.Root, "output"));
        var input = CliRunner.Snapshot(temp.Input);

        temp.Study("alpha", "funder: A changed funder");
        var total = before.Count;
        var killed = 0;
        foreach (var staged in new[] { 1, total / 3, total })
        {
            using var watcher = StagedFiles(temp.Root, staged, out var reached);
            var process = Start(temp.Root, env, args);
            Task.WaitAny([reached, process.WaitForExitAsync()], TimeSpan.FromMinutes(2));
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }
            process.WaitForExit();
            var after = CliRunner.Snapshot(Path.Combine(temp.Root, "output"));
            if (after.Count == before.Count && after.All(kv => before.TryGetValue(kv.Key, out var old) && old.AsSpan().SequenceEqual(kv.Value)))
                continue; // killed before the swap: the previous site, untouched
            Assert.Contains("A changed funder", File.ReadAllText(Path.Combine(temp.Root, "output", "studies", "alpha", "index.html")));
            Assert.Equal(before.Keys, after.Keys); // the swap completed: the whole new site
        }

        Assert.True(killed >= 2, $"only {killed} of the builds were still running when their kill point came");
        Assert.Equal(0, CliRunner.Invoke(temp.Root, env, args).ExitCode);
        Assert.Equal(["input", "output"], Directory.EnumerateFileSystemEntries(temp.Root).Select(p => Path.GetFileName(p)!).Order().ToArray());
        var inputAfter = CliRunner.Snapshot(temp.Input);
        Assert.Equal(input.Keys.Order(), inputAfter.Keys.Order()); // the build never writes into input/
    }

    /// <summary>Completes once the build's staging folder (.output.building-*) holds this many new entries.</summary>
    static FileSystemWatcher StagedFiles(string root, int count, out Task reached)
    {
        var done = new TaskCompletionSource();
        var seen = 0;
        var watcher = new FileSystemWatcher(root) { IncludeSubdirectories = true, InternalBufferSize = 64 * 1024 };
        watcher.Created += (_, e) =>
        {
            if (e.FullPath.Contains(".output.building-", StringComparison.Ordinal) && Interlocked.Increment(ref seen) >= count) done.TrySetResult();
        };
        watcher.EnableRaisingEvents = true;
        reached = done.Task;
        return watcher;
    }

    static Process Start(string workingDirectory, Dictionary<string, string> env, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "impactsite.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (k, v) in env) start.Environment[k] = v;
        var process = Process.Start(start)!;
        process.StandardOutput.ReadToEndAsync();
        process.StandardError.ReadToEndAsync();
        return process;
    }
}
