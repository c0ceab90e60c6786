using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading.Channels;
using AngleSharp.Html.Parser;
using Xunit.Abstractions;
using ImpactSite.Cli;
using ImpactSite.Preview;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Preview;

/// <summary>
/// The preview server over real HTTP on a free loopback port, on a temporary site built with the repository's theme.
/// Every wait is bounded; every server is stopped and every temporary folder deleted.
/// </summary>
public sealed class PreviewServerTests(ITestOutputHelper output)
{
    static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);
    // How long to wait for something that must happen, before calling it a hang. Generous because the full check runs
    // at low priority, and in CI it competes with every other test on two cores.
    static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Serves_clean_urls_with_the_reload_script_and_the_404_page_on_127_0_0_1_only()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        await using var preview = await Preview.StartAsync(temp, output);
        var http = preview.Http;

        Assert.Equal(IPAddress.Loopback, preview.Server.EndPoint.Address);
        Assert.Equal("127.0.0.1", preview.Server.Address.Host);

        var home = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        var homePage = await home.Content.ReadAsStringAsync();
        Assert.Contains("<title>Test involvement site</title>", homePage);
        Assert.Matches("<script src=\"/__impactsite/reload.js\"[^>]* defer></script>\n</head>", homePage);
        Assert.DoesNotContain(PageInjector.BannerId, homePage);

        var study = await http.GetStringAsync("/studies/alpha/");
        Assert.Contains("Study alpha", Parser.ParseDocument(study).QuerySelector("h1")!.TextContent);
        Assert.Contains("/__impactsite/reload.js", study);

        var redirect = await http.GetAsync("/studies/alpha");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.Equal("/studies/alpha/", redirect.Headers.Location?.OriginalString);

        var missing = await http.GetAsync("/no-such-page/");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await missing.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", notFound);
        Assert.Contains("/__impactsite/reload.js", notFound);

        var css = await http.GetAsync("/theme/css/site.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var script = await http.GetAsync("/__impactsite/reload.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("new EventSource(\"/__impactsite/events", await script.Content.ReadAsStringAsync());

        // Nothing answers on the machine's other addresses.
        foreach (var address in OtherLocalAddresses())
        {
            using var client = new TcpClient(AddressFamily.InterNetwork);
            var connect = client.ConnectAsync(address, preview.Server.EndPoint.Port);
            var refused = await Record.ExceptionAsync(() => connect.WaitAsync(Bounded));
            Assert.True(refused is SocketException or TimeoutException, $"{address}:{preview.Server.EndPoint.Port} accepted a connection");
        }
        // And nothing was written: the site lives in memory.
        Assert.Equal(["input"], Directory.EnumerateFileSystemEntries(temp.Root).Select(p => Path.GetFileName(p)!).ToArray());
    }

    [Fact]
    public async Task An_edit_reloads_open_pages_and_a_broken_edit_keeps_the_last_good_site_with_the_errors_shown()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var checks = Channel.CreateUnbounded<PreviewCheck>();
        await using var preview = await Preview.StartAsync(temp, output, server => server.Checked += check => checks.Writer.TryWrite(check));
        var http = preview.Http;
        await using var events = await EventStream.OpenAsync(preview.Server.Address);
        var builds = Channel.CreateUnbounded<PreviewBuild>();
        preview.Server.Built += build => builds.Writer.TryWrite(build);

        // Warm up the rebuild path once (as in a real session, where the first save is seldom the one that matters).
        temp.Write("pages/about.md", "---\ntitle: About\n---\nAbout us.\n");
        Assert.Equal("reload", await events.NextAsync());
        await ServedAfterReload(events, http, "/about/", page => page.Contains("About us."));
        while (builds.Reader.TryRead(out _)) { }

        // A live edit: the page's title changes.
        var clock = Stopwatch.StartNew();
        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha renamed\nsummary: S\nstatus: active\n---\nAbout.\n");
        Assert.Equal("reload", await events.NextAsync());
        var reloadAfter = clock.Elapsed;
        await ServedAfterReload(events, http, "/studies/alpha/", page => page.Contains("Alpha renamed"));
        var servedAfter = clock.Elapsed;
        // The page is told to reload before the build's report goes out: wait for this edit's report.
        PreviewBuild rebuild;
        do rebuild = await builds.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        while (!rebuild.Changed.Any(path => path.EndsWith("studies/alpha/index.md", StringComparison.Ordinal)));
        output.WriteLine($"edit -> 'reload' event: {reloadAfter.TotalMilliseconds:0} ms (of which the build: {rebuild.Elapsed.TotalMilliseconds:0} ms); " +
                         $"edit -> new title served: {servedAfter.TotalMilliseconds:0} ms");
        // The time to reload is the build's time plus the preview's own share: noticing the save, waiting 10 ms for quiet,
        // swapping the files and telling the page (typically 60-80 ms). That share is asserted tightly; the total only
        // loosely, because on a busy 2-core machine even this tiny site's build can take 2 s (the theme is compiled anew).
        var overhead = reloadAfter - rebuild.Elapsed;
        Assert.True(overhead < TimeSpan.FromSeconds(1), $"the reload took {reloadAfter.TotalMilliseconds:0} ms, the build only {rebuild.Elapsed.TotalMilliseconds:0} ms");
        Assert.True(reloadAfter < Bounded, $"the reload took {reloadAfter.TotalMilliseconds:0} ms (the build {rebuild.Elapsed.TotalMilliseconds:0} ms)");

        // A broken edit: the last good page (the last one the whole-site check passed) stays, with the located error in a
        // banner on top of it. Made once this edit's check has passed, as when a co-ordinator saves again after a look.
        PreviewCheck passed;
        do passed = await checks.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        while (passed.Build != rebuild.Build);
        Assert.Equal(0, passed.Errors);
        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha broken\nsummary: S\nstatus: actve\n---\nAbout.\n");
        Assert.Equal("reload", await events.NextAsync());
        var broken = await ServedAfterReload(events, http, "/studies/alpha/", page => page.Contains(PageInjector.BannerId));
        var document = Parser.ParseDocument(broken);
        Assert.Contains("Alpha renamed", document.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain("Alpha broken", broken);
        var banner = document.Body!.FirstElementChild!;
        Assert.Equal(PageInjector.BannerId, banner.Id);
        Assert.Equal("alert", banner.GetAttribute("role"));
        var error = Assert.Single(banner.QuerySelectorAll("li code")).TextContent;
        Assert.StartsWith(temp.Input + "/studies/alpha/index.md:4:9: error: 'actve' is not a valid status", error);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/__impactsite/overlay.css\">", broken);
        Assert.Contains(".impactsite-preview-errors", await http.GetStringAsync("/__impactsite/overlay.css"));
        // Every page shows it, the home page too.
        Assert.Contains(PageInjector.BannerId, await http.GetStringAsync("/"));

        // Fixed: the new page, and no banner.
        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha fixed\nsummary: S\nstatus: active\n---\nAbout.\n");
        Assert.Equal("reload", await events.NextAsync());
        var fixedPage = await ServedAfterReload(events, http, "/studies/alpha/", page => page.Contains("Alpha fixed"));
        Assert.DoesNotContain(PageInjector.BannerId, fixedPage);
        Assert.DoesNotContain("overlay.css", fixedPage);
    }

    [Fact]
    public async Task A_problem_only_the_full_check_finds_puts_the_last_checked_site_back_with_the_error_shown()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var checks = Channel.CreateUnbounded<PreviewCheck>();
        // Listening from before the start: the first check can end before StartAsync returns.
        await using var preview = await Preview.StartAsync(temp, output, server => server.Checked += check => checks.Writer.TryWrite(check));
        var first = await checks.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(0, first.Errors);

        // The front matter is fine, so the new page is served at once; the unknown @mention is found when the prose is
        // rendered, and the check behind the build then puts the last checked site back, with the error on top.
        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha mentions\nsummary: S\nstatus: active\n---\nThanks to @nobody.\n");
        var check = await checks.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(1, check.Errors);
        var page = await preview.Http.GetStringAsync("/studies/alpha/"); // swapped before Checked is raised
        var document = Parser.ParseDocument(page);
        Assert.Equal("Study alpha", document.QuerySelector("h1")!.TextContent.Trim());
        var error = Assert.Single(document.QuerySelectorAll("#" + PageInjector.BannerId + " li code")).TextContent;
        Assert.StartsWith(temp.Input + "/studies/alpha/index.md:6:11: error: '@nobody' is not in people.yml", error);

        // Fixed: the new page is served and passes its check, without a banner.
        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha mentions\nsummary: S\nstatus: active\n---\nThanks to @ana.\n");
        Assert.Equal(0, (await checks.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Errors);
        var fixedPage = await preview.Http.GetStringAsync("/studies/alpha/");
        Assert.DoesNotContain(PageInjector.BannerId, fixedPage);
        Assert.Contains("Ana Testperson", fixedPage);
    }

    [Fact]
    public async Task A_page_that_connects_with_an_old_build_is_told_to_reload_at_once()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        await using var preview = await Preview.StartAsync(temp, output);
        var current = preview.Server.Site.Build;
        var page = await preview.Http.GetStringAsync("/");
        Assert.Contains($"data-build=\"{current}\"", page);

        await using (var upToDate = await EventStream.OpenAsync(preview.Server.Address, current))
            Assert.Null(await upToDate.NextOrNullAsync(TimeSpan.FromMilliseconds(300)));
        await using var stale = await EventStream.OpenAsync(preview.Server.Address, "an-older-build");
        Assert.Equal("reload", await stale.NextAsync());
    }

    [Fact]
    public async Task A_port_in_use_is_reported_with_exit_code_2_and_a_suggestion()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            await using (var server = new PreviewServer(new PreviewOptions(temp.Input, Repo.Theme, port)))
                await Assert.ThrowsAnyAsync<IOException>(() => server.StartAsync().WaitAsync(TimeSpan.FromSeconds(30)));

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var code = await PreviewCommand.RunAsync(new CommonOptions.Values(temp.Input, Repo.Theme, "output"), port, false, stdout, stderr, cancel.Token);
            Assert.Equal(ExitCodes.UsageOrIo, code);
            Assert.Contains($"port {port} on 127.0.0.1 is already in use", stderr.ToString());
            Assert.Contains($"--port {port + 1}", stderr.ToString());
        }
        finally
        {
            taken.Stop();
        }
    }

    /// <summary>DNS rebinding: a page elsewhere that points its own name at 127.0.0.1 still sends that name.</summary>
    [Fact]
    public async Task Only_requests_for_its_own_loopback_address_and_port_are_answered()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        await using var preview = await Preview.StartAsync(temp, output);
        var port = preview.Server.Address.Port;

        async Task<HttpResponseMessage> Get(string path, string host, string? origin = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            if (origin is not null) request.Headers.Add("Origin", origin);
            return await preview.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        }

        foreach (var host in new[] { "evil.example", $"evil.example:{port}", $"127.0.0.1:{port + 1}", "127.0.0.1", $"localhost.evil.example:{port}", $"127.0.0.2:{port}" })
        {
            var refused = await Get("/studies/alpha/", host);
            Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Study alpha", body);
            Assert.Contains($"only answers at http://127.0.0.1:{port}/", body);
        }
        foreach (var host in new[] { $"127.0.0.1:{port}", $"localhost:{port}", $"LOCALHOST:{port}", $"[::1]:{port}" })
        {
            var served = await Get("/studies/alpha/", host);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Contains("Study alpha", await served.Content.ReadAsStringAsync());
        }

        // The live-reload stream answers the preview's own pages (no Origin, or its own) and no other site's.
        foreach (var origin in new[] { "http://evil.example", $"http://evil.example:{port}", "null", $"https://127.0.0.1:{port}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await Get(PageInjector.EventsPath, $"127.0.0.1:{port}", origin)).StatusCode);
        using var own = await Get(PageInjector.EventsPath, $"127.0.0.1:{port}", $"http://localhost:{port}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("text/event-stream", own.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// Whatever is saved while the preview runs (markup Markdig gives up on, nesting it would take minutes over, a pipe
    /// that would block any read), the process keeps serving the last good site with the located problem on top, and
    /// serves the new site once the file is put right.
    /// </summary>
    [Fact]
    public async Task A_hostile_file_saved_while_the_preview_runs_is_reported_and_the_site_stays_served()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var builds = Channel.CreateUnbounded<PreviewBuild>();
        var checks = Channel.CreateUnbounded<PreviewCheck>();
        await using var preview = await Preview.StartAsync(temp, output, server =>
        {
            server.Built += build => builds.Writer.TryWrite(build);
            server.Checked += check => checks.Writer.TryWrite(check);
        });
        Assert.Equal(0, (await checks.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Errors);
        await using var events = await EventStream.OpenAsync(preview.Server.Address);

        async Task<string> Banner(string expected)
        {
            var page = await ServedAfterReload(events, preview.Http, "/studies/alpha/", p => p.Contains(PageInjector.BannerId) && p.Contains(expected));
            Assert.Contains("Study alpha", Parser.ParseDocument(page).QuerySelector("h1")!.TextContent); // the last good site
            return page;
        }

        // Markup Markdig throws on: found when the prose is rendered, by the check behind the build.
        temp.Write("pages/deep.md", "---\ntitle: Deep\n---\n" + new string('*', 3000) + "x" + new string('*', 3000) + "\n");
        Assert.True((await checks.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Errors > 0);
        await Banner("/pages/deep.md:4:1: error: this text could not be read as markdown");

        // Nesting Markdig would spend minutes on, asked for directly while it is being served.
        temp.Write("pages/deep.md", "---\ntitle: Deep\n---\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => new string(' ', 2 * i) + "- item")) + "\n");
        var clock = Stopwatch.StartNew();
        await Banner("/pages/deep.md:36:65: error: quotes or lists are nested more than 32 deep here");
        Assert.True(clock.Elapsed < Patience);

        // A named pipe: opening it would wait for ever, so it is never opened.
        File.Delete(Path.Combine(temp.Input, "pages", "deep.md"));
        using (var mkfifo = Process.Start("mkfifo", [Path.Combine(temp.Input, "pages", "pipe.md")])!) mkfifo.WaitForExit();
        PreviewBuild build;
        do build = await builds.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        while (!build.Changed.Any(path => path.EndsWith("pipe.md", StringComparison.Ordinal)));
        Assert.False(build.Succeeded);
        await Banner("/pages/pipe.md:1:1: error: this is a named pipe (FIFO) and not an ordinary file");

        // Put right: the new site is served, without a banner, by the same process.
        File.Delete(Path.Combine(temp.Input, "pages", "pipe.md"));
        temp.Write("pages/deep.md", "---\ntitle: Deep\n---\nShallow now.\n");
        while ((await checks.Reader.ReadAsync().AsTask().WaitAsync(Patience)).Errors > 0) { }
        var fixedPage = await ServedAfterReload(events, preview.Http, "/deep/", p => p.Contains("Shallow now.") && !p.Contains(PageInjector.BannerId));
        Assert.Contains("Shallow now.", Parser.ParseDocument(fixedPage).QuerySelector("main")!.TextContent);
    }

    /// <summary>
    /// The page as served once the preview has said 'reload' (it swaps the site before it says so). An editor's save, or
    /// two changes made one after the other (a file deleted, another written), can come as separate builds, so a page
    /// still showing the state before the last one (not there yet, or not yet changed) waits for the next 'reload'.
    /// </summary>
    static async Task<string> ServedAfterReload(EventStream events, HttpClient http, string path, Func<string, bool> condition)
    {
        while (true)
        {
            using var response = await http.GetAsync(path);
            var page = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode && condition(page)) return page;
            Assert.Equal("reload", await events.NextAsync());
        }
    }

    /// <summary>This machine's IPv4 addresses other than loopback (none on some CI machines).</summary>
    static IEnumerable<IPAddress> OtherLocalAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            .Take(3);

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    /// <summary>A started server and a client for it; disposing stops the server and prints its console output.</summary>
    sealed class Preview : IAsyncDisposable
    {
        readonly StringWriter log = new();
        readonly ITestOutputHelper output;

        Preview(TempSite site, ITestOutputHelper output, int port)
        {
            this.output = output;
            var console = TextWriter.Synchronized(log);
            Server = new PreviewServer(new PreviewOptions(site.Input, Repo.Theme, port)
            {
                Out = console, Error = console, Today = () => new DateOnly(2026, 11, 23),
            });
        }

        public PreviewServer Server { get; }
        public HttpClient Http { get; private set; } = null!;

        public static async Task<Preview> StartAsync(TempSite site, ITestOutputHelper output, Action<PreviewServer>? beforeStart = null)
        {
            // A free port can be taken by someone else between looking and binding: try a few.
            for (var attempt = 1; ; attempt++)
            {
                var preview = new Preview(site, output, FreePort());
                beforeStart?.Invoke(preview.Server);
                try
                {
                    await preview.Server.StartAsync().WaitAsync(TimeSpan.FromSeconds(60));
                    preview.Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
                    {
                        BaseAddress = preview.Server.Address, Timeout = TimeSpan.FromSeconds(10),
                    };
                    return preview;
                }
                catch (IOException) when (attempt < 3)
                {
                    await preview.DisposeAsync();
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            Http?.Dispose();
            await Server.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await Server.DisposeAsync();
            output.WriteLine(log.ToString());
        }
    }

    /// <summary>An open /__impactsite/events stream, read line by line as a browser's EventSource would.</summary>
    sealed class EventStream : IAsyncDisposable
    {
        readonly HttpClient client = new() { Timeout = Timeout.InfiniteTimeSpan };
        readonly CancellationTokenSource stop = new();
        readonly Channel<string> events = Channel.CreateUnbounded<string>();
        Task reading = Task.CompletedTask;

        public static async Task<EventStream> OpenAsync(Uri server, string? build = null)
        {
            var stream = new EventStream();
            using var connect = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var url = new Uri(server, "/__impactsite/events" + (build is null ? "" : "?build=" + Uri.EscapeDataString(build)));
            var response = await stream.client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, connect.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
            var body = await response.Content.ReadAsStreamAsync(connect.Token);
            stream.reading = Task.Run(() => stream.ReadAsync(body));
            return stream;
        }

        async Task ReadAsync(Stream body)
        {
            using var reader = new StreamReader(body);
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                    if (line.StartsWith("event: ", StringComparison.Ordinal)) events.Writer.TryWrite(line["event: ".Length..]);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException) { }
            finally { events.Writer.TryComplete(); }
        }

        public async Task<string> NextAsync() =>
            await NextOrNullAsync(Patience) ?? throw new Xunit.Sdk.XunitException($"no event arrived within {Patience.TotalSeconds} s");

        public async Task<string?> NextOrNullAsync(TimeSpan timeout)
        {
            using var wait = new CancellationTokenSource(timeout);
            try { return await events.Reader.ReadAsync(wait.Token); }
            catch (OperationCanceledException) { return null; }
            catch (ChannelClosedException) { return null; }
        }

        public async ValueTask DisposeAsync()
        {
            stop.Cancel();
            client.Dispose();
            await reading.WaitAsync(TimeSpan.FromSeconds(5));
            stop.Dispose();
        }
    }
}
