using System.Diagnostics;
using ImpactSite.Build;
using ImpactSite.Write;
using Microsoft.Playwright;

namespace ImpactSite.BrowserTests.Support;

/// <summary>One page of the built site: its address and the file it comes from.</summary>
public sealed record SitePage(string Url, string FilePath, bool IsRedirect)
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

    static readonly string[] ChromiumArgs =
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
        var origin = BaseUri.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !IsLocal(url, origin), async route =>
        {
            if (route.Request.IsNavigationRequest) await route.FulfillAsync(new() { Status = 204 });
            else await route.AbortAsync("blockedbyclient");
        });
        return context;
    }

    static bool IsLocal(string url, string origin) =>
        url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase)
        || url.Equals(origin, StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("data:", StringComparison.Ordinal)
        || url.StartsWith("about:", StringComparison.Ordinal)
        || url.StartsWith("blob:", StringComparison.Ordinal);

    /// <summary>Opens a page and waits until it has loaded; fails on any status but 200 (or 404 for /404.html).</summary>
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
    /// every failure message the work reported, in page order. An exception counts as a failure of that page.
    /// </summary>
    public async Task<List<string>> ForEachPageAsync(
        IBrowserContext context, IEnumerable<SitePage> pages, Func<IPage, SitePage, Task<IEnumerable<string>>> work, int workers = 2)
    {
        var list = pages.ToList();
        var results = new List<string>[list.Count];
        var next = -1;
        async Task Worker()
        {
            var tab = await context.NewPageAsync();
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < list.Count)
                {
                    try
                    {
                        await GotoAsync(tab, list[i].Url);
                        results[i] = (await work(tab, list[i])).ToList();
                    }
                    catch (Exception e)
                    {
                        results[i] = [$"{list[i].Url}: {e.GetType().Name}: {e.Message.Split('\n')[0]}"];
                        await tab.CloseAsync();
                        tab = await context.NewPageAsync();
                    }
                }
            }
            finally
            {
                await tab.CloseAsync();
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, workers)).Select(_ => Worker()));
        return results.SelectMany(r => r).ToList();
    }

    static List<SitePage> EnumeratePages(string root) =>
        Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(file =>
            {
                var relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                var url = relative == "index.html" ? "/"
                    : relative.EndsWith("/index.html", StringComparison.Ordinal) ? "/" + relative[..^"index.html".Length]
                    : "/" + relative;
                var isRedirect = File.ReadAllText(file).Contains("http-equiv=\"refresh\"", StringComparison.OrdinalIgnoreCase);
                return new SitePage(url, file, isRedirect);
            })
            .OrderBy(p => p.Url, StringComparer.Ordinal)
            .ToList();

    static string FindRepoRoot()
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
