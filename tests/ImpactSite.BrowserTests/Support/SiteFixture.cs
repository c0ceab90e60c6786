using System.Diagnostics;
using System.Text.RegularExpressions;
using ImpactSite.Build;
using ImpactSite.Write;
using Microsoft.Playwright;

namespace ImpactSite.BrowserTests.Support;

/// <summary>One page of the built site: its address, the file it comes from, and its layout (body class page--KIND).</summary>
public sealed record SitePage(string Url, string FilePath, bool IsRedirect, string Kind)
{
    public override string ToString() => Url;
}

/// <summary>
/// Once per test run: builds the sample site (input/ with theme/) into a temporary folder, serves it on
/// 127.0.0.1, and starts one headless Chromium. Nothing happens when Chromium is missing and not required: the tests
/// are skipped then.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public static readonly DateOnly BuildDate = new(2026, 11, 23);

    public static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
        // Belt and braces: no name outside the machine is ever looked up, whatever a page links to.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ];

    string? _outputDir;
    StaticSiteServer? _server;
    IPlaywright? _playwright;
    IBrowser? _browser;
    string? _startupError;

    public string RepoRoot { get; } = FindRepoRoot();
    public string InputDir => Path.Combine(RepoRoot, "input");
    public string ThemeDir => Path.Combine(RepoRoot, "theme");
    public string OutputDir => _outputDir ?? throw NotStarted();
    public Uri BaseUri => (_server ?? throw NotStarted()).BaseUri;
    public IBrowser Browser => _browser ?? throw NotStarted();
    public IReadOnlyList<SitePage> Pages { get; private set; } = [];

    /// <summary>The first page of each layout (home, study, decision, meeting, post, search, ...).</summary>
    public IReadOnlyList<SitePage> OnePagePerLayout => Pages.GroupBy(p => p.Kind).Select(g => g.First()).ToList();
    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        var chromium = BrowserRequirement.ChromiumPath;
        if (chromium is null)
        {
            _startupError = BrowserRequirement.Required
                ? $"Chromium was not found ({BrowserRequirement.WhereLooked()}), and {BrowserRequirement.RequireVariable}=1 makes the browser tests required. Install it: apt-get install chromium."
                : BrowserRequirement.SkipMessage;
            return;
        }

        try
        {
            var clock = Stopwatch.StartNew();
            var result = SiteBuilder.Build(new BuildRequest(InputDir, ThemeDir, BuildDate));
            if (!result.Succeeded)
            {
                _startupError = "The sample site did not build:\n" + string.Join("\n", result.Errors.Select(d => d.Format("input")));
                return;
            }
            _outputDir = Path.Combine(Path.GetTempPath(), $"impactsite-browser-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");
            OutputFolder.Write(_outputDir, result.Files);
            BuildTime = clock.Elapsed;
            Pages = EnumeratePages(_outputDir);

            _server = new StaticSiteServer(_outputDir);

            // Generous waits: CI machines have 2 cores and may be busy; a passing check returns as soon as it passes.
            Assertions.SetDefaultExpectTimeout(15_000);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        catch (Exception e)
        {
            _startupError = $"The browser tests could not start ({chromium}): {e}";
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
        if (_outputDir is not null && Directory.Exists(_outputDir))
        {
            try { Directory.Delete(_outputDir, recursive: true); } catch (IOException) { }
        }
    }

    Exception NotStarted() => new InvalidOperationException(_startupError ?? "The site fixture has not started.");

    /// <summary>Throws the reason the fixture could not start (for example Chromium required but missing).</summary>
    public void EnsureStarted()
    {
        if (_startupError is not null || _browser is null) throw NotStarted();
    }

    public Uri Url(string path) => new(BaseUri, path);

    /// <summary>
    /// A new browser context whose requests stay on this machine: anything not for the test server is refused (a
    /// navigation away, such as a redirect page's meta refresh to the site's public address, gets "204 No Content",
    /// which leaves the page where it is). The context is ready for the given options (colour scheme, viewport, JS).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        EnsureStarted();
        options ??= new BrowserNewContextOptions();
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        options.Locale ??= "en-GB";
        options.ReducedMotion ??= ReducedMotion.Reduce;
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(30_000);
        // A regular expression (not a .NET predicate), so the browser only stops requests that leave the machine:
        // the test server's own files are not routed through this process at all.
        var origin = BaseUri.GetLeftPart(UriPartial.Authority);
        var leavesMachine = new Regex($"^(?!{Regex.Escape(origin)}/|data:|blob:|about:)");
        await context.RouteAsync(leavesMachine, async route =>
        {
            if (route.Request.IsNavigationRequest) await route.FulfillAsync(new() { Status = 204 });
            else await route.AbortAsync("blockedbyclient");
        });
        return context;
    }

    /// <summary>Opens a page in a new tab and waits until it has loaded; fails on any status but 200.</summary>
    public async Task<IPage> OpenAsync(IBrowserContext context, SitePage sitePage) =>
        await OpenAsync(context, sitePage.Url);

    public async Task<IPage> OpenAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await GotoAsync(page, path);
        return page;
    }

    public async Task GotoAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(Url(path).ToString(), new() { WaitUntil = WaitUntilState.Load });
        if (response is null || response.Status != 200)
            throw new InvalidOperationException($"{path}: the test server answered {response?.Status.ToString() ?? "nothing"}.");
    }

    /// <summary>
    /// Runs <paramref name="work"/> for every page, a few at a time (one browser tab per worker, reused), and returns
    /// every failure message the work reported, in page order. An exception counts as a failure of that page, and so
    /// does an uncaught script error or a console error (such as a file that failed to load) while it was open.
    /// </summary>
    public async Task<List<string>> ForEachPageAsync(
        IBrowserContext context, IEnumerable<SitePage> pages, Func<IPage, SitePage, Task<IEnumerable<string>>> work)
    {
        var list = pages.ToList();
        var results = new List<string>[list.Count];
        var next = -1;

        async Task Worker()
        {
            var problems = new List<string>();
            var current = "";
            async Task<IPage> NewTab()
            {
                var tab = await context.NewPageAsync();
                tab.PageError += (_, error) => { lock (problems) problems.Add($"{current}: uncaught script error: {error.Split('\n')[0]}"); };
                tab.Console += (_, message) =>
                {
                    if (message.Type == "error") lock (problems) problems.Add($"{current}: console error: {message.Text} ({message.Location})");
                };
                return tab;
            }

            var tab = await NewTab();
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < list.Count)
                {
                    current = list[i].Url;
                    var found = new List<string>();
                    try
                    {
                        await GotoAsync(tab, list[i].Url);
                        found.AddRange(await work(tab, list[i]));
                    }
                    catch (Exception e)
                    {
                        found.Add($"{list[i].Url}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                        await tab.CloseAsync();
                        tab = await NewTab();
                    }
                    lock (problems)
                    {
                        found.AddRange(problems);
                        problems.Clear();
                    }
                    results[i] = found;
                }
            }
            finally
            {
                await tab.CloseAsync();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Worker()));
        return results.SelectMany(r => r).ToList();
    }

    /// <summary>Browser tabs working at once in the all-pages tests: 2 (the CI machine has 2 cores), or
    /// IMPACTSITE_BROWSER_WORKERS.</summary>
    static int Workers =>
        int.TryParse(Environment.GetEnvironmentVariable("IMPACTSITE_BROWSER_WORKERS"), out var n) && n is > 0 and <= 16 ? n : 2;

    /// <summary>Every public page; /admin/ is the third-party browser editor (Decap CMS) and its e-mail templates.</summary>
    static List<SitePage> EnumeratePages(string root) =>
        Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/').StartsWith("admin/", StringComparison.Ordinal))
            .Select(file =>
            {
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                var url = relative == "index.html" ? "/"
                    : relative.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + relative[..^"index.html".Length]
                    : "/" + relative;
                var html = File.ReadAllText(file);
                var isRedirect = html.Contains("http-equiv=\"refresh\"", StringComparison.OrdinalIgnoreCase);
                var kind = Regex.Match(html, @"<body[^>]*\bclass=""[^""]*\bpage--([a-z0-9-]+)") is { Success: true } m ? m.Groups[1].Value : "";
                return new SitePage(url, file, isRedirect, kind);
            })
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToList();

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImpactSite.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"ImpactSite.sln was not found above {AppContext.BaseDirectory}.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Browser";
}
