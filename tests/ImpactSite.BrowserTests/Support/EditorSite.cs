using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using ImpactSite.Build;
using ImpactSite.Write;
using ImpactSite.Editor;

namespace ImpactSite.BrowserTests.Support;

/// <summary>
/// The real browser editor on a copy of the sample site: the copy is a git repository (branch main), built with its
/// generated /admin/config.yml and served on 127.0.0.1, with decap-server (npm, tests/ImpactSite.BrowserTests/decap)
/// as Decap's local backend in git mode, so the editorial workflow makes real branches and merges in the copy.
/// Decap's own file comes from the npm package, answered in place of the pinned CDN address, so the browser checks
/// the page's integrity hash against the npm file itself.
/// </summary>
public sealed class EditorSite : IAsyncLifetime
{
    /// <summary>Where Decap looks for its local backend (config.yml says local_backend: true).</summary>
    const string LocalBackend = "http://localhost:8081/api/v1";

    public string Repo { get; } = Directory.CreateTempSubdirectory("impactsite-editor-").FullName;
    public string Input => Path.Combine(Repo, "input");
    public string Theme => Path.Combine(Repo, "theme");
    public static string DecapFolder => Path.Combine(SiteFixture.FindRepoRoot(), "tests", "ImpactSite.BrowserTests", "decap");
    public static string DecapFile => Path.Combine(DecapFolder, "node_modules", "decap-cms", "dist", "decap-cms.js");

    string? output;
    StaticSiteServer? server;
    Process? backend;
    int backendPort;
    IPlaywright? playwright;
    IBrowser? browser;
    string? startupError;

    public Uri BaseUri => server!.BaseUri;

    public async Task InitializeAsync()
    {
        if (BrowserRequirement.ChromiumPath is not { } chromium)
        {
            startupError = BrowserRequirement.Required ? $"Chromium was not found ({BrowserRequirement.WhereLooked()})." : BrowserRequirement.SkipMessage;
            return;
        }
        if (!File.Exists(DecapFile))
        {
            startupError = $"Decap CMS is not installed: run 'npm ci --prefix {DecapFolder}' (.ci/run does).";
            return;
        }
        var root = SiteFixture.FindRepoRoot();
        Copy(Path.Combine(root, "input"), Input);
        Copy(Path.Combine(root, "theme"), Theme);
        Git("init", "-q", "-b", "main");
        Git("add", "-A");
        Git("-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "Sample site");

        var result = SiteBuilder.Build(new BuildRequest(Input, Theme, SiteFixture.BuildDate));
        if (!result.Succeeded)
        {
            startupError = "The copy of the sample site did not build:\n" + string.Join("\n", result.Errors.Select(d => d.Format("input")));
            return;
        }
        output = Directory.CreateTempSubdirectory("impactsite-editor-output-").FullName;
        OutputFolder.Write(output, result.Files);
        server = new StaticSiteServer(output);
        await StartBackendAsync();

        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true, Args = [.. SiteFixture.ChromiumArgs, "--lang=en-GB"], Timeout = 60_000 });
    }

    /// <summary>decap-server on a free port, ready once it says it is listening.</summary>
    async Task StartBackendAsync()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        backendPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var start = new ProcessStartInfo("node", [Path.Combine(DecapFolder, "node_modules", "decap-server", "dist", "index.js")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo,
        };
        start.Environment["PORT"] = backendPort.ToString();
        start.Environment["BIND_HOST"] = "127.0.0.1";
        start.Environment["MODE"] = "git";
        start.Environment["GIT_REPO_DIRECTORY"] = Repo;
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Editor";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "editor@example.invalid";
        backend = Process.Start(start)!;
        var listening = new TaskCompletionSource();
        backend.OutputDataReceived += (_, e) => { if (e.Data?.Contains("listening", StringComparison.OrdinalIgnoreCase) == true) listening.TrySetResult(); };
        backend.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("decap-server: " + e.Data); };
        backend.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("decap-server stopped before it was listening."));
        backend.EnableRaisingEvents = true;
        backend.BeginOutputReadLine();
        backend.BeginErrorReadLine();
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (browser is not null) await browser.CloseAsync();
        playwright?.Dispose();
        if (backend is { HasExited: false }) { backend.Kill(entireProcessTree: true); await backend.WaitForExitAsync(); }
        if (server is not null) await server.DisposeAsync();
        foreach (var folder in new[] { output, Repo }.OfType<string>())
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public void EnsureStarted()
    {
        if (startupError is not null || browser is null) throw new InvalidOperationException(startupError ?? "The editor fixture has not started.");
    }

    /// <summary>A browser context whose only ways out are this site, the local backend and the npm copy of Decap.</summary>
    public async Task<IBrowserContext> NewContextAsync()
    {
        EnsureStarted();
        var context = await browser!.NewContextAsync(new() { Locale = "en-GB", ViewportSize = new() { Width = 1280, Height = 900 }, ReducedMotion = ReducedMotion.Reduce });
        context.SetDefaultTimeout(30_000);
        var origin = BaseUri.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(origin + "/", StringComparison.Ordinal) && !url.StartsWith("data:") && !url.StartsWith("blob:"),
            route => route.AbortAsync("blockedbyclient"));
        await context.RouteAsync(EditorAssets.DecapUrl, route => route.FulfillAsync(new()
        {
            Path = DecapFile, ContentType = "text/javascript",
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        }));
        await context.RouteAsync(LocalBackend + "**", route =>
            route.ContinueAsync(new() { Url = route.Request.Url.Replace("http://localhost:8081", $"http://127.0.0.1:{backendPort}") }));
        return context;
    }

    /// <summary>A git command in the copy, for what the editor committed.</summary>
    public string Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    /// <summary>A branch checked out beside the copy (git worktree), as CI checks out a pull request.</summary>
    public sealed class Checkout(EditorSite site, string root) : IDisposable
    {
        public string Root { get; } = root;
        public void Dispose() => site.Git("worktree", "remove", "--force", Root);
    }

    public Checkout CheckOut(string branch)
    {
        var root = Path.Combine(Path.GetTempPath(), $"impactsite-pr-{Guid.NewGuid():N}");
        Git("worktree", "add", "-q", "--detach", root, branch);
        return new Checkout(this, root);
    }

    static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
