using System.Text;
using ImpactSite.Render;
using ImpactSite.Write;

namespace ImpactSite.Tests.Write;

/// <summary>The build writes files from every core into a staging folder that replaces the output folder in one step.</summary>
public sealed class StagingFolderTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("impactsite-staging-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Files_written_at_once_from_many_threads_into_new_folders_all_arrive()
    {
        var output = Path.Combine(root, "output");
        const int writers = 8, rounds = 150;
        var files = new System.Collections.Concurrent.ConcurrentBag<OutputFile>();
        using (var staging = OutputFolder.Open(output))
        {
            // Each round, every writer starts at the same moment on a file in the same new folder. (A race here once lost
            // files on a 10,000-entry build; on this scale it shows only sometimes, so this checks the outcome, not the race.)
            using var start = new Barrier(writers);
            var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
            {
                for (var round = 0; round < rounds; round++)
                {
                    var file = new OutputFile($"r{round}/deeper/folder/p{w}.html", Encoding.UTF8.GetBytes($"{round}-{w}"), null);
                    start.SignalAndWait();
                    staging.Add(file);
                    files.Add(file);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.Equal(writers * rounds, staging.Count);
            staging.Publish();
        }
        foreach (var file in files) Assert.Equal(file.Content, File.ReadAllBytes(Path.Combine(output, file.Path)));
        Assert.True(File.Exists(Path.Combine(output, OutputFolder.Marker)));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName)); // no staging folder left
    }

    [Fact]
    public void A_staging_folder_disposed_unpublished_leaves_the_previous_site_and_nothing_else()
    {
        var output = Path.Combine(root, "output");
        OutputFolder.Write(output, [new OutputFile("index.html", "old"u8.ToArray(), null)]);
        using (var staging = OutputFolder.Open(output)) staging.Add(new OutputFile("index.html", "new"u8.ToArray(), null));
        Assert.Equal("old", File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_rebuild_writes_only_the_files_that_changed_and_a_failed_one_leaves_the_previous_site_intact()
    {
        var output = Path.Combine(root, "output");
        OutputFolder.Write(output, [new("same.html", "unchanged"u8.ToArray(), null), new("edited.html", "before"u8.ToArray(), null)]);
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var name in new[] { "same.html", "edited.html" }) File.SetLastWriteTimeUtc(Path.Combine(output, name), longAgo);

        // A build that fails after making every file: the previous site, linked files included, is as it was.
        using (var staging = OutputFolder.Open(output))
        {
            staging.Add(new("same.html", "unchanged"u8.ToArray(), null));
            staging.Add(new("same.html", "overwritten in staging"u8.ToArray(), null)); // must not write through the link
        }
        Assert.Equal("unchanged", File.ReadAllText(Path.Combine(output, "same.html")));

        OutputFolder.Write(output, [new("same.html", "unchanged"u8.ToArray(), null), new("edited.html", "after"u8.ToArray(), null)]);
        Assert.Equal("unchanged", File.ReadAllText(Path.Combine(output, "same.html")));
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(Path.Combine(output, "same.html"))); // not written again
        Assert.Equal("after", File.ReadAllText(Path.Combine(output, "edited.html")));
        Assert.NotEqual(longAgo, File.GetLastWriteTimeUtc(Path.Combine(output, "edited.html")));
        Assert.Equal(["output"], Directory.EnumerateFileSystemEntries(root).Select(Path.GetFileName));
    }
}
