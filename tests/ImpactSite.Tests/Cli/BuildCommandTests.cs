using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Cli;

public sealed class BuildCommandTests
{
    static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1795392000" }; // 2026-11-23

    static string[] Args(string input, string output) => ["build", "--input", input, "--theme", Repo.Theme, "--output", output];

    [Fact]
    public void Two_builds_with_the_same_source_date_epoch_are_byte_identical()
    {
        using var temp = new TempSite();
        var first = CliRunner.Invoke(temp.Root, Epoch, Args(Repo.Input, "one"));
        var second = CliRunner.Invoke(temp.Root, Epoch, Args(Repo.Input, "two"));
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var a = CliRunner.Snapshot(Path.Combine(temp.Root, "one"));
        var b = CliRunner.Snapshot(Path.Combine(temp.Root, "two"));
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(b[kv.Key]), $"{kv.Key} differs"));
        Assert.Contains("2026-11-23", File.ReadAllText(Path.Combine(temp.Root, "one", "studies", "bridge", "evidence.json")));
    }

    [Fact]
    public void A_failed_build_reports_located_errors_exits_1_and_leaves_the_previous_output_untouched()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        Assert.Equal(0, CliRunner.Invoke(temp.Root, Epoch, Args("input", "output")).ExitCode);
        var before = CliRunner.Snapshot(Path.Combine(temp.Root, "output"));

        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha\nsummary: S\nstatus: actve\n---\n");
        var run = CliRunner.Invoke(temp.Root, Epoch, Args("input", "output"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("input/studies/alpha/index.md:4:9: error: 'actve' is not a valid status", run.Stderr);
        var after = CliRunner.Snapshot(Path.Combine(temp.Root, "output"));
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(after[kv.Key])));
    }

    [Fact]
    public void A_successful_rebuild_replaces_the_whole_output_and_leaves_no_staging_folders()
    {
        using var temp = new TempSite();
        temp.Write("pages/old.md", "---\ntitle: Old\n---\nx");
        Assert.Equal(0, CliRunner.Invoke(temp.Root, Epoch, Args("input", "output")).ExitCode);
        File.Delete(Path.Combine(temp.Input, "pages", "old.md"));
        temp.Write("pages/new.md", "---\ntitle: New\n---\nx");
        Assert.Equal(0, CliRunner.Invoke(temp.Root, Epoch, Args("input", "output")).ExitCode);
        Assert.True(File.Exists(Path.Combine(temp.Root, "output", "new", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(temp.Root, "output", "old")));
        Assert.Equal(["input", "output"], Directory.EnumerateFileSystemEntries(temp.Root).Select(p => Path.GetFileName(p)!).Order().ToArray());
    }

    [Fact]
    public void Verbose_prints_each_steps_time_and_piped_output_has_no_progress_display()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var run = CliRunner.Invoke(temp.Root, Epoch, [.. Args("input", "output"), "--verbose"]);
        Assert.Equal(0, run.ExitCode);
        foreach (var step in new[] { "Reading the content", "Loading the theme", "Planning pages", "Rendering markdown", "Making, checking and writing files", "Checking links" })
            Assert.Matches($@"(?m)^  {step} +\d+ ms( \(\d+ MiB allocated(, \d+ ms paused)?(, \d+ full collections?)?\))?$", run.Stdout);
        // What a step allocated is shown once it is a MiB or more: compiling the theme's templates always is.
        Assert.Matches(@"(?m)^  Loading the theme +\d+ ms \(\d+ MiB allocated", run.Stdout);
        Assert.Matches(@"(?m)^  Collecting garbage \(paused\) +\d+ ms \(\d+ collections, \d+ of them of older objects, \d+ of all; \d+ MiB allocated\)$", run.Stdout);
        Assert.DoesNotContain("\u001b[", run.Stdout + run.Stderr); // no spinner or colour codes when not a terminal
        Assert.DoesNotContain("Building…", run.Stdout + run.Stderr);
    }

    [Theory]
    [InlineData("input")]
    [InlineData("input/site")]
    [InlineData(".")]
    public void Refuses_an_output_folder_that_is_or_holds_the_input(string output)
    {
        using var temp = new TempSite();
        var run = CliRunner.Invoke(temp.Root, Epoch, Args("input", output));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error:", run.Stderr);
        Assert.True(File.Exists(Path.Combine(temp.Input, "site.yml")));
    }

    [Fact]
    public void Refuses_to_replace_a_folder_it_did_not_create()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var mine = Path.Combine(temp.Root, "documents");
        Directory.CreateDirectory(mine);
        File.WriteAllText(Path.Combine(mine, "thesis.docx"), "precious");
        var run = CliRunner.Invoke(temp.Root, Epoch, Args("input", "documents"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("did not make", run.Stderr);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(mine, "thesis.docx")));
    }
}
