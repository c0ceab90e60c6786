using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ImpactSite.Build;
using ImpactSite.Model;
using ImpactSite.Render;
using ImpactSite.Write;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;
using ImpactSite.Text;
using ImpactSite.Hosting;

namespace ImpactSite.Preview;

/// <summary>Settings for <see cref="PreviewServer"/>. Port 0 picks a free port (see <see cref="PreviewServer.Address"/>).</summary>
public sealed record PreviewOptions(string Input, string Theme, int Port = PreviewOptions.DefaultPort, bool IncludeDrafts = false)
{
    public const int DefaultPort = 5080;

    /// <summary>Where the one-line build reports go (and, on stderr, the problems). Null: nowhere.</summary>
    public TextWriter? Out { get; init; }
    public TextWriter? Error { get; init; }
    /// <summary>The build date for each build; by default <see cref="BuildDate.FromEnvironment"/>, read at every build.</summary>
    public Func<DateOnly>? Today { get; init; }
    /// <summary>How long the folders must be quiet after a change before the site is rebuilt. An editor's save is a
    /// burst of events within a millisecond or two; a save slower than this costs only a second rebuild (its later events
    /// start one), while every millisecond here is added to every save-to-page time (docs/performance.md).</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(10);
}

/// <summary>What one build did, for the console and for tests. Elapsed runs until the new site is being served.</summary>
public sealed record PreviewBuild(string Build, bool Succeeded, int Files, int Errors, int Warnings, TimeSpan Elapsed, IReadOnlyList<string> Changed);

/// <summary>What the full check after a build found: how many errors (0: the site would build), and how long it took.</summary>
public sealed record PreviewCheck(string Build, int Errors, TimeSpan Elapsed);

/// <summary>
/// <c>impactsite preview</c>: a thin shell around the build's two halves (<see cref="SiteBuilder.Prepare"/>, then
/// <see cref="SiteBuilder.MakeAndCheck"/>). It serves the site from memory on 127.0.0.1 only (Kestrel); it watches the
/// input and theme folders and, after a change, reads the content again (parsing only changed files), swaps in the new
/// site in one step with each page made when first asked for, tells open pages to reload (Server-Sent Events), and
/// then checks the whole site as a build would. A build or check with errors keeps the last good site on show, with a
/// banner listing them. Nothing is written to disk.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    readonly PreviewOptions options;
    readonly ReloadHub hub = new();
    readonly CancellationTokenSource stopping = new();
    readonly TaskCompletionSource firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly string instance = Guid.NewGuid().ToString("N")[..8];
    WebApplication? app;
    SiteWatcher? watcher;
    Task? loop;
    bool started;
    int builds;
    volatile IReadOnlyList<Diagnostic> lastDiagnostics = [];
    volatile PreviewSite site;

    public PreviewServer(PreviewOptions options)
    {
        this.options = options;
        site = new PreviewSite(null, "/", ["The site is being built."], instance + "-0");
    }

    /// <summary>The address being served, such as http://127.0.0.1:5080/ (the path of base_url is added by the site).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");
    /// <summary>The listening socket's address: always the IPv4 loopback address.</summary>
    public IPEndPoint EndPoint { get; private set; } = new(IPAddress.Loopback, 0);
    /// <summary>What is being served now.</summary>
    public PreviewSite Site => site;
    /// <summary>The number of pages listening for reloads.</summary>
    public int ReloadClients => hub.Count;
    /// <summary>Raised after every build, once the new site is being served and the pages have been told.</summary>
    public event Action<PreviewBuild>? Built;
    /// <summary>Raised when the full check behind a build has finished (not when a newer edit cut it short).</summary>
    public event Action<PreviewCheck>? Checked;

    /// <summary>
    /// Binds 127.0.0.1:port (an <see cref="IOException"/> if that fails, e.g. the port is in use), starts watching,
    /// and returns after the first build, whether or not it succeeded.
    /// </summary>
    public async Task StartAsync(CancellationToken cancel = default)
    {
        if (app is not null) throw new InvalidOperationException("The preview server has already been started.");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "impactsite-preview" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // The loopback address only, never 0.0.0.0: drafts and unpublished content must not reach the network.
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        // The default console lifetime would swallow Ctrl+C and SIGTERM; the command stops this server itself.
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync(cancel);
        started = true;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Address = new Uri(address.EndsWith('/') ? address : address + "/");
        EndPoint = new IPEndPoint(IPAddress.Parse(Address.Host), Address.Port);

        options.Out?.WriteLine($"Building {options.Input} with {options.Theme}{(options.IncludeDrafts ? ", drafts included" : "")} ...");
        watcher = new SiteWatcher(options.Debounce, (options.Input, true), (options.Theme, false));
        foreach (var problem in watcher.Problems) options.Error?.WriteLine($"warning: {problem}");
        watcher.Trigger();
        loop = Task.Run(() => BuildLoopAsync(stopping.Token));
        await firstBuild.Task.WaitAsync(cancel);
    }

    public async Task StopAsync(CancellationToken cancel = default)
    {
        if (stopping.IsCancellationRequested) return;
        stopping.Cancel(); // ends the event streams and the build loop, so Kestrel can stop at once
        checking?.Cancel();
        watcher?.Dispose();
        if (started) await app!.StopAsync(cancel);
        // A build cannot be interrupted: wait for one in progress (or give up when 'cancel' fires).
        if (loop is not null) await loop.WaitAsync(cancel);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (app is not null) await app.DisposeAsync();
            stopping.Dispose();
        }
    }

    async Task BuildLoopAsync(CancellationToken cancel)
    {
        try
        {
            while (!cancel.IsCancellationRequested)
            {
                var changed = await watcher!.WaitForChangesAsync(cancel);
                // Changes saved during this build wake the loop again: one more build, never two at once.
                RunBuild(changed);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        catch (System.Threading.Channels.ChannelClosedException) { }
        finally
        {
            firstBuild.TrySetResult();
        }
    }

    Theme? theme;
    /// <summary>What each build read, kept for the next: an edit reads again only the files (and studies) that changed.</summary>
    readonly ContentCache content = new();
    readonly Lock swapping = new();
    /// <summary>The newest site whose full check found no errors: shown again, with the errors, if a newer one fails.</summary>
    PreviewSite? checkedSite;
    CancellationTokenSource? checking;
    Task check = Task.CompletedTask;

    /// <summary>The changed paths inside the input folder, input-relative (the watcher reports them under the folder given).</summary>
    IEnumerable<string> InInput(IEnumerable<string> changedPaths)
    {
        var input = options.Input.TrimEnd('/', '\\') + "/";
        return changedPaths.Where(p => p.StartsWith(input, StringComparison.Ordinal)).Select(p => p[input.Length..]);
    }

    bool IsThemeFile(string changedPath) => changedPath.StartsWith(options.Theme.TrimEnd('/', '\\') + "/", StringComparison.Ordinal);

    /// <summary>
    /// Reads the content again (only changed files are parsed) and plans the site; if that finds no errors, the new site
    /// is served at once, each page made when it is first asked for, and the whole site is checked behind it.
    /// </summary>
    void RunBuild(IReadOnlyList<string> changed)
    {
        StopChecking(); // a newer edit makes the running check pointless
        var clock = Stopwatch.StartNew();
        PreparedSite? prepared = null;
        string? crash = null;
        try
        {
            var today = options.Today?.Invoke() ?? BuildDate.FromEnvironment();
            // Compiling the templates is about half of a small site's rebuild: do it again only when the theme changed.
            // A theme that does not load stays null, and the build itself then reports why.
            if (theme is null || changed.Any(IsThemeFile)) theme = Theme.Load(options.Theme, new DiagnosticBag());
            content.Changed(InInput(changed));
            prepared = SiteBuilder.PrepareForPreview(new BuildRequest(options.Input, options.Theme, today, options.IncludeDrafts, theme, Cache: content));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A file read mid-save, or a bug: report it like an error and keep the last good site on show.
            crash = $"{options.Input}:1:1: error: the preview could not build the site: {e.GetType().Name}: {e.Message}";
        }
        var build = NextBuild();
        var diagnostics = prepared?.Diagnostics.Sorted() ?? [];
        var errors = crash is not null ? [crash] : Errors(diagnostics);
        var ready = errors.Count == 0 && prepared is { Graph: not null, Plan: not null };
        lock (swapping)
        {
            site = ready
                ? new PreviewSite(new PlannedFiles(prepared!.Plan!, PlannedFiles.GuardFor(prepared.Graph!)), prepared.Graph!.Site.BasePath, [], build)
                : (checkedSite ?? site).WithErrors(errors, build);
        }
        clock.Stop();
        hub.ReloadAll(build);

        var report = new PreviewBuild(build, errors.Count == 0, site.Files?.Count ?? 0, errors.Count,
            diagnostics.Count(d => d.Severity == Severity.Warning), clock.Elapsed, changed);
        Print(report, crash is null ? diagnostics : null, crash);
        firstBuild.TrySetResult();
        try { Built?.Invoke(report); } catch (Exception e) { options.Error?.WriteLine($"preview: {e.Message}"); }
        if (ready) StartChecking(prepared!, site);
    }

    string NextBuild() => $"{instance}-{Interlocked.Increment(ref builds)}";

    List<string> Errors(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Format(options.Input)).ToList();

    void StopChecking()
    {
        checking?.Cancel();
        check.Wait(); // it stops within one file; never two checks at once
        checking?.Dispose();
        checking = null;
    }

    /// <summary>
    /// Makes every file of the served site through the build's checks (page structure, links, withheld names, and the
    /// prose of every entry): what a build would report. If that finds errors, the last checked site goes back on show
    /// with them, as it would after a build with errors.
    /// </summary>
    void StartChecking(PreparedSite prepared, PreviewSite served)
    {
        checking = new CancellationTokenSource();
        var cancel = checking.Token;
        var done = new TaskCompletionSource();
        check = done.Task;
        // One thread of its own, below normal priority, one file at a time: a check that took the thread pool's threads
        // kept page requests waiting for seconds, and the page being looked at matters more than the check.
        new Thread(() =>
        {
            try { Check(prepared, served, cancel); }
            // An exception here would end the whole process: a file that vanished mid-check, or a bug, is reported instead.
            catch (Exception e) when (e is not OutOfMemoryException) { options.Error?.WriteLine($"preview: the check of the whole site stopped: {e.Message}"); }
            finally { done.TrySetResult(); }
        }) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "impactsite preview check" }.Start();
    }

    void Check(PreparedSite prepared, PreviewSite served, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            SiteBuilder.MakeAndCheck(prepared, IOutputSink.Discard, new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = 1 });
        }
        catch (OperationCanceledException) { return; }
        var diagnostics = prepared.Diagnostics.Sorted();
        var errors = Errors(diagnostics);
        string? build = null;
        lock (swapping)
        {
            if (site != served || cancel.IsCancellationRequested) return;
            if (errors.Count == 0) checkedSite = served;
            else site = (checkedSite ?? new PreviewSite(null, served.BasePath, [], served.Build)).WithErrors(errors, build = NextBuild());
        }
        if (build is not null) hub.ReloadAll(build);
        // Said either way: the build's line promised the check, and a co-ordinator (or a script) waits for its verdict.
        options.Out?.WriteLine($"{DateTime.Now:HH:mm:ss} checked the whole site in {clock.Elapsed.TotalMilliseconds:0} ms: " + (errors.Count == 0
            ? "no errors; the site being served is what build would publish."
            : $"{English.Count(errors.Count, "error", "errors")}; {(checkedSite is null ? "nothing to serve: fix the errors and save." : "serving the last site that passed, with the errors shown on every page.")}"));
        if (!diagnostics.SequenceEqual(lastDiagnostics) && options.Error is { } error)
        {
            DiagnosticPrinter.Print(diagnostics, options.Input, error);
            lastDiagnostics = diagnostics;
        }
        try { Checked?.Invoke(new PreviewCheck(served.Build, errors.Count, clock.Elapsed)); } catch (Exception e) { options.Error?.WriteLine($"preview: {e.Message}"); }
    }

    void Print(PreviewBuild report, IReadOnlyList<Diagnostic>? diagnostics, string? crash)
    {
        var what = report.Changed.Count switch
        {
            0 => "",
            1 => $" ({report.Changed[0]})",
            _ => $" ({report.Changed[0]} and {report.Changed.Count - 1} more)",
        };
        var time = $"{DateTime.Now:HH:mm:ss} {(builds == 1 ? "built" : "rebuilt")} in {report.Elapsed.TotalMilliseconds:0} ms{what}";
        var warnings = report.Warnings == 1 ? "1 warning" : $"{report.Warnings} warnings";
        var line = report.Succeeded
            ? $"{time}: {report.Files} files, {warnings}; serving the new site (checking all of it now)."
            : $"{time}: {(report.Errors == 1 ? "1 error" : $"{report.Errors} errors")}; " +
              (site.Files is null ? "nothing to serve yet: fix the errors and save." : "still serving the last good site, with the errors shown on every page.");
        options.Out?.WriteLine(line);

        // The problems, when they differ from the last build's: new warnings are seen, old ones not repeated.
        if (crash is not null) options.Error?.WriteLine(crash);
        else if (diagnostics is not null && !report.Succeeded && !diagnostics.SequenceEqual(lastDiagnostics))
        {
            if (options.Error is { } error) DiagnosticPrinter.Print(diagnostics, options.Input, error);
            lastDiagnostics = diagnostics;
        }
    }

    async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (!LoopbackOnly.IsOwnHost(request.Host, Address.Port))
        {
            await Refuse(response, StatusCodes.Status421MisdirectedRequest, $"This preview only answers at {Address}: open that address.");
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }
        try
        {
            var path = request.Path.Value ?? "/";
            switch (path)
            {
                case PageInjector.EventsPath:
                    if (!LoopbackOnly.IsOwnOrigin(request.Headers.Origin, Address.Port))
                    {
                        await Refuse(response, StatusCodes.Status403Forbidden, "Only the preview's own pages may listen for reloads.");
                        return;
                    }
                    await firstBuild.Task.WaitAsync(context.RequestAborted);
                    await hub.ServeAsync(context, () => site.Build, stopping.Token);
                    return;
                case PageInjector.ReloadScriptPath:
                    await Send(response, new(200, System.Text.Encoding.UTF8.GetBytes(PageInjector.ReloadScript), OutputFormat.For(path).MediaType));
                    return;
                case PageInjector.OverlayStylesheetPath:
                    await Send(response, new(200, System.Text.Encoding.UTF8.GetBytes(PageInjector.OverlayStylesheet), OutputFormat.For(path).MediaType));
                    return;
            }
            await firstBuild.Task.WaitAsync(context.RequestAborted);
            var answer = site.Respond(path, request.QueryString.Value ?? "");
            // The theme's policy from docs/hosting.md (without upgrade-insecure-requests: the preview is plain http),
            // so a theme change that would break on the real host breaks here too.
            if (answer.ContentType.StartsWith("text/html", StringComparison.Ordinal)) response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await Send(response, answer);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested) { }
        catch (Exception e) when (!response.HasStarted)
        {
            options.Error?.WriteLine($"preview: {request.Path}: {e.Message}");
            response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    public const string ContentSecurityPolicy = Hosting.SecurityPolicy.Public;

    static Task Refuse(HttpResponse response, int status, string why) =>
        Send(response, new(status, System.Text.Encoding.UTF8.GetBytes(why + "\n"), "text/plain; charset=utf-8"));

    static async Task Send(HttpResponse response, PreviewResponse answer)
    {
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        if (answer.Location is not null) response.Headers.Location = answer.Location;
        response.ContentLength = answer.Body.Length;
        if (answer.Body.Length > 0) await response.Body.WriteAsync(answer.Body);
    }
}

/// <summary>A host lifetime that leaves Ctrl+C and SIGTERM to the caller (the preview command, or a test).</summary>
sealed class ManualLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
