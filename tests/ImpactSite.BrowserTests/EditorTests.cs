using System.Diagnostics;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using ImpactSite.Build;
using ImpactSite.BrowserTests.Support;
using ImpactSite.Cli;
using ImpactSite.Render;
using ImpactSite.Content.Studies;
using ImpactSite.Hosting;

namespace ImpactSite.BrowserTests;

/// <summary>
/// The real browser editor (Decap CMS from npm, decap-server's local backend in git mode) on a copy of the sample
/// site, used as a co-ordinator would: only what the form asks, the editorial workflow's Save, Ready and Publish,
/// then the build's own check and build on what the editor committed. Set IMPACTSITE_SCREENSHOTS to a folder to keep
/// the screenshots docs/editing-in-the-browser.md uses.
/// </summary>
public sealed class EditorTests(EditorSite editor) : IClassFixture<EditorSite>
{
    const string Study = "bridge";

    [EditorFact]
    public async Task A_new_decision_filled_in_as_the_form_asks_publishes_and_builds()
    {
        var page = await OpenEditorAsync("collections/decisions-bridge/new");
        await Field(page, "Title").FillAsync("Large print agendas");
        var raised = Field(page, "Raised on");
        await raised.FillAsync("20/11/2026");
        await Field(page, "You said").FillAsync("Agendas in large print, please.");
        await ChooseAsync(page, "Status", "Open: not yet answered");
        await Screenshot(page, "editor-new-suggestion.png", raised);

        await SaveAsync(page);
        await Screenshot(page, "editor-saved-draft.png", page.Locator("body"), top: true);
        await PublishAsync(page);

        const string file = "input/studies/bridge/decisions/large-print-agendas.md";
        var written = editor.Git("show", "main:" + file);
        Assert.Contains("status: open", written);
        Assert.Contains("raised: 2026-11-20", written); // typed as 20/11/2026
        // The step list starts empty: no blank, required "progress update" came with the new entry.
        Assert.DoesNotContain("updates", written);
        Assert.Matches(@"(?m)^Add BRIDGE suggestion ""large-print-agendas"" \(web editor", editor.Git("log", "-1", "--format=%s", "main"));

        Assert.Equal(ExitCodes.Success, Check(out var report));
        Assert.DoesNotContain("::error", report);
        AssertBuiltWithDecision("large-print-agendas", "Large print agendas", "Agendas in large print, please.");
    }

    /// <summary>The browser's clock on the day the tests build the site, so "today" in the editor is the build date.</summary>
    static readonly DateTime Today = SiteFixture.BuildDate.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);

    [EditorFact]
    public async Task A_new_decision_saved_with_only_what_a_person_types_starts_its_dates_at_today_and_publishes()
    {
        var (page, errors) = await OpenEditorWatchedAsync("collections/decisions-bridge/new");
        // The required date starts at today, written as a reader writes it, and can be changed; nobody types it here.
        await Expect(Field(page, "Raised on")).ToHaveValueAsync(Today.ToString("dd/MM/yyyy"));
        // An optional date stays empty until someone fills it in.
        await Expect(Field(page, "Responded on")).ToHaveValueAsync("");
        await Field(page, "Title").FillAsync("Subtitles on the study videos");
        await Field(page, "You said").FillAsync("Please add subtitles to the videos.");
        await ChooseAsync(page, "Status", "Open: not yet answered");
        await SaveAsync(page);
        await PublishAsync(page);

        var written = editor.Git("show", "main:input/studies/bridge/decisions/subtitles-on-the-study-videos.md");
        Assert.Contains($"raised: {Today:yyyy-MM-dd}", written);
        Assert.DoesNotContain("responded", written);
        Assert.Empty(errors);
        AssertBuiltWithDecision("subtitles-on-the-study-videos", "Subtitles on the study videos", "Please add subtitles to the videos.");
    }

    [EditorFact]
    public async Task A_save_refused_for_a_missing_date_says_which_field_and_raises_no_page_error()
    {
        var (page, errors) = await OpenEditorWatchedAsync("collections/decisions-bridge/new");
        await Field(page, "Title").FillAsync("Quiet room at the drop-in");
        await Field(page, "Raised on").FillAsync("");
        await Field(page, "You said").FillAsync("A quiet room, please.");
        await ChooseAsync(page, "Status", "Open: not yet answered");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByText("Raised on is required.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status: Draft" })).ToHaveCountAsync(0);
        Assert.Empty(errors);
        // Typing the date makes the same save go through.
        await Field(page, "Raised on").FillAsync("21/11/2026");
        await SaveAsync(page);
        Assert.Contains("raised: 2026-11-21", editor.Git("show", "cms/decisions-bridge/quiet-room-at-the-drop-in:input/studies/bridge/decisions/quiet-room-at-the-drop-in.md"));
        Assert.Empty(errors);
    }

    [EditorFact]
    public async Task Not_adopted_without_a_reason_is_stopped_by_the_check_on_its_pull_request_before_it_reaches_main()
    {
        const string slug = "easy-read-results";
        var file = $"input/studies/{Study}/decisions/{slug}.md";
        var page = await OpenEditorAsync($"collections/decisions-bridge/entries/{slug}");
        await ChooseAsync(page, "Status", "Not adopted");
        await Field(page, "We did").FillAsync("We kept the standard results summary.");
        await Field(page, "Responded on").FillAsync("21/11/2026");
        // The form explains what else a not-adopted answer needs.
        await Expect(page.GetByText("Required when the status is not-adopted or partly-adopted.")).ToBeVisibleAsync();
        await SaveAsync(page);

        // The edit is on its own branch (the pull request), not on main.
        var branch = $"cms/decisions-bridge/{slug}";
        Assert.Contains("status: not-adopted", editor.Git("show", $"{branch}:{file}"));
        Assert.DoesNotContain("status: not-adopted", editor.Git("show", $"main:{file}"));

        // What the GitHub workflow runs on that pull request: the check fails, on the file's status line.
        using var pullRequest = editor.CheckOut(branch);
        Assert.Equal(ExitCodes.ContentErrors, Check(out var report, pullRequest.Root));
        var line = Array.FindIndex(editor.Git("show", $"{branch}:{file}").Split('\n'), l => l.StartsWith("status:", StringComparison.Ordinal)) + 1;
        Assert.Matches($@"(?m)^::error file={Regex.Escape(file)},line={line},col=\d+,title=impactsite check::.*reason", report);
        Assert.Equal(ExitCodes.Success, Check(out _)); // main, and so the live site, is untouched
    }

    [EditorFact]
    public async Task Withdrawing_a_person_in_the_people_collection_makes_every_page_credit_them_by_role()
    {
        const string name = "Priya Fennimore";
        var before = Build();
        var credited = before.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && Text(f).Contains(name)).Select(f => f.Path).ToList();
        Assert.NotEmpty(credited);

        var page = await OpenEditorAsync("collections/people/entries/people");
        // Each person is folded under a line made from the list's summary; the first button of that line opens it.
        var person = page.Locator("[class*='SortableListItem']").Filter(new() { HasText = "priya-f (name, LEAP member)" });
        await person.Locator("button").First.ClickAsync();
        // Every person's form is on the page, folded: only the one opened is visible.
        var withdrawn = Field(page, "Consent withdrawn").Filter(new() { Visible = true });
        await Expect(withdrawn).ToHaveCountAsync(1);
        await withdrawn.ClickAsync();
        await Expect(withdrawn).ToHaveAttributeAsync("aria-checked", "true");
        await Screenshot(page, "editor-withdraw-consent.png", withdrawn);
        await SaveAsync(page);
        await PublishAsync(page);

        Assert.Contains("withdrawn: true", editor.Git("show", "main:input/people.yml"));
        var after = Build();
        Assert.True(after.Succeeded, string.Join("\n", after.Errors.Select(e => e.Format("input"))));
        foreach (var path in credited)
        {
            var text = Text(after.Files.Single(f => f.Path == path));
            Assert.DoesNotContain(name, text);
            Assert.Contains("LEAP member", text);
        }
    }

    [EditorFact]
    public async Task The_editor_starts_under_the_policy_the_host_sends_for_admin()
    {
        editor.EnsureStarted();
        await using var context = await editor.NewContextAsync();
        // The page as Netlify serves it: with the one policy the build's _headers gives /admin/.
        await context.RouteAsync(new Uri(editor.BaseUri, "/admin/").ToString(), async route =>
        {
            var response = await route.FetchAsync();
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Value);
            headers["Content-Security-Policy"] = ImpactSite.Hosting.SecurityPolicy.Editor;
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) refused.Add(message.Text); };
        await page.GotoAsync(new Uri(editor.BaseUri, "/admin/").ToString());
        // The editor ran (scripts, eval, its styles) and shows its sign-in; only the local backend, which is not
        // this site, is refused a connection: on the real site it is never asked for.
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Login") })).ToBeVisibleAsync();
        Assert.All(refused, text => Assert.Contains("localhost:8081", text));
    }

    /// <summary>The editor with the browser's clock at <see cref="Today"/>, and every uncaught page error collected.</summary>
    async Task<(IPage Page, List<string> Errors)> OpenEditorWatchedAsync(string route)
    {
        var errors = new List<string>();
        var page = await OpenEditorAsync(route, async context =>
        {
            await context.Clock.SetFixedTimeAsync(Today);
            context.Page += (_, opened) => opened.PageError += (_, error) => { lock (errors) errors.Add(error); };
        });
        return (page, errors);
    }

    async Task<IPage> OpenEditorAsync(string route, Func<IBrowserContext, Task>? prepare = null)
    {
        editor.EnsureStarted();
        var context = await editor.NewContextAsync();
        if (prepare is not null) await prepare(context);
        var page = await context.NewPageAsync();
        // Decap asks "Are you sure you want to publish this entry?" with the browser's own dialog.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync(new Uri(editor.BaseUri, "/admin/").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Login" }).ClickAsync();
        await Expect(page.GetByText("Collections")).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(editor.BaseUri, "/admin/#/" + route).ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A form field by its label, which Decap follows with "(optional)" when the field is not required.</summary>
    static ILocator Field(IPage page, string label) =>
        page.GetByLabel(new Regex($"^{Regex.Escape(label)}( \\(optional\\))?$", RegexOptions.IgnoreCase));

    static async Task ChooseAsync(IPage page, string field, string option)
    {
        await Field(page, field).ClickAsync();
        await page.GetByText(option, new() { Exact = true }).ClickAsync();
    }

    /// <summary>Save: in the editorial workflow, a commit on the entry's own branch; done when its status shows.</summary>
    static async Task SaveAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status: Draft" })).ToBeVisibleAsync();
    }

    /// <summary>Ready, then Publish now: the branch is merged into main.</summary>
    static async Task PublishAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Status: Draft" }).ClickAsync();
        await page.GetByText("Ready", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Status: Ready" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await page.GetByText("Publish now", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByText("Entry published")).ToBeVisibleAsync();
    }

    /// <summary>'impactsite check --format github' as the workflow runs it: in the repository's root.</summary>
    int Check(out string report, string? root = null)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root ?? editor.Repo, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "impactsite.dll"), "check", "--format", "github" }) start.ArgumentList.Add(arg);
        start.Environment["SOURCE_DATE_EPOCH"] = new DateTimeOffset(SiteFixture.BuildDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds().ToString();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        report = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        report += stderr.Result;
        return process.ExitCode;
    }

    /// <summary>The site as main now stands builds, with the decision's page showing its title and what was said.</summary>
    void AssertBuiltWithDecision(string slug, string title, string youSaid)
    {
        var built = Build();
        Assert.True(built.Succeeded, string.Join("\n", built.Errors.Select(e => e.Format("input"))));
        var html = Assert.Single(built.Files, f => f.Path == $"studies/{Study}/decisions/{slug}/index.html");
        var decision = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html.Content));
        Assert.Equal(title, decision.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(youSaid, decision.Body!.TextContent);
    }

    BuildResult Build() => SiteBuilder.Build(new BuildRequest(editor.Input, editor.Theme, SiteFixture.BuildDate));

    static string Text(OutputFile file) => System.Text.Encoding.UTF8.GetString(file.Content);

    static async Task Screenshot(IPage page, string name, ILocator near, bool top = false)
    {
        if (Environment.GetEnvironmentVariable("IMPACTSITE_SCREENSHOTS") is not { Length: > 0 } folder) return;
        Directory.CreateDirectory(folder);
        if (!top) await near.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), Clip = top ? new() { X = 0, Y = 0, Width = 1280, Height = 420 } : null });
    }
}
