using System.Diagnostics;
using System.Net.Sockets;
using ImpactSite.Build;
using ImpactSite.Cli;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Files that are not ordinary files (named pipes, sockets, symbolic links), in the input or the theme, are located
/// errors and are never opened: opening a pipe waits for a writer forever. And an output folder reached through a link
/// is judged by where it really is.
/// </summary>
public sealed class OddFileTests
{
    static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    static void MakePipe(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    [Theory]
    [InlineData("studies/alpha/meetings/m2.md")]
    [InlineData("assets/photo.png")]
    [InlineData("people.yml")]
    [InlineData("pages/about.md")]
    public async Task A_named_pipe_is_a_located_error_and_never_a_hang(string path)
    {
        using var temp = new TempSite();
        temp.Study("alpha").Write("pages/other.md", "---\ntitle: Other\n---\nStill read.\n");
        if (path == "people.yml") File.Delete(Path.Combine(temp.Input, path));
        MakePipe(Path.Combine(temp.Input, path));
        var site = await Task.Run(() => temp.Build()).WaitAsync(Bounded);
        Assert.Contains($"{path}:1:1: error: this is a named pipe (FIFO) and not an ordinary file, so ImpactSite does not read it (reading it could stop the build for good): delete it, or move it out of the folder.",
            site.Result.Diagnostics.Select(d => d.Format("")));
        Assert.Empty(site.Files);

        // 'check' (the command, as a co-ordinator runs it) ends too, with the same message and exit code 1.
        var check = await Task.Run(() => CliRunner.Invoke(temp.Root, null, "check", "--input", "input", "--theme", Repo.Theme)).WaitAsync(Bounded);
        Assert.Equal(ExitCodes.ContentErrors, check.ExitCode);
        Assert.Contains($"input/{path}:1:1: error: this is a named pipe (FIFO)", check.Stderr);

        File.Delete(Path.Combine(temp.Input, path));
        if (path == "people.yml") temp.Write(path, "- id: ana\n  credit: name\n  name: Ana Testperson\n");
        var fixedSite = temp.Build();
        Assert.True(fixedSite.Result.Succeeded, fixedSite.Errors);
        Assert.Contains("Still read.", fixedSite.Page("/other/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void A_socket_in_the_input_is_a_located_error()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        Directory.CreateDirectory(Path.Combine(temp.Input, "assets"));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(temp.Input, "assets", "s.sock")));
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("assets/s.sock", 1, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("this is a socket and not an ordinary file", error.Message);
    }

    /// <summary>The theme is read the way the input is: a link in it would publish whatever it points to.</summary>
    [Theory]
    [InlineData("static/css/passwd.css")]
    [InlineData("static/linked")]
    [InlineData("partials/footer-extra.hbs")]
    [InlineData("admin/config.yml")]
    public void A_symbolic_link_in_the_theme_is_refused_and_not_published(string link)
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var theme = Path.Combine(temp.Root, "theme");
        Folder.Copy(Repo.Theme, theme);
        var target = Path.Combine(theme, link);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target)) File.Delete(target);
        if (link.EndsWith("linked", StringComparison.Ordinal)) Directory.CreateSymbolicLink(target, "/etc");
        else File.CreateSymbolicLink(target, "/etc/passwd");

        var result = SiteBuilder.Build(new BuildRequest(temp.Input, theme, new DateOnly(2026, 11, 23)));
        var error = Assert.Single(result.Errors);
        Assert.Equal((target, 1, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("this is a symbolic link, which ImpactSite does not follow", error.Message);
        Assert.Empty(result.Files);
        Assert.DoesNotContain(result.Files, f => System.Text.Encoding.UTF8.GetString(f.Content).Contains("root:x:0:0"));

        File.Delete(target);
        var built = new BuiltSite(SiteBuilder.Build(new BuildRequest(temp.Input, theme, new DateOnly(2026, 11, 23))));
        Assert.True(built.Result.Succeeded, built.Errors);
        Assert.Contains("Study alpha", built.Page("/studies/alpha/").QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("site")]        // output -> input/site: the build would write into the content folder
    [InlineData("")]            // output -> input itself
    public void An_output_folder_reached_through_a_link_into_the_input_is_refused(string inside)
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var real = Path.Combine(temp.Input, inside);
        Directory.CreateDirectory(real);
        Directory.CreateSymbolicLink(Path.Combine(temp.Root, "output"), real);
        var before = CliRunner.Snapshot(temp.Input);

        var run = CliRunner.Invoke(temp.Root, null, "build", "--input", "input", "--theme", Repo.Theme, "--output", "output/public");
        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("output/public:1:1: error: the output folder 'output/public' is the input folder or inside it", run.Stderr);
        Assert.Equal(before.Keys, CliRunner.Snapshot(temp.Input).Keys);

        // A link to a folder elsewhere is fine: the site is written where the link points.
        var elsewhere = Path.Combine(temp.Root, "published");
        Directory.CreateDirectory(elsewhere);
        Directory.CreateSymbolicLink(Path.Combine(temp.Root, "to-published"), elsewhere);
        var good = CliRunner.Invoke(temp.Root, null, "build", "--input", "input", "--theme", Repo.Theme, "--output", "to-published/site");
        Assert.Equal(0, good.ExitCode);
        Assert.True(File.Exists(Path.Combine(elsewhere, "site", "studies", "alpha", "index.html")));
    }
}
