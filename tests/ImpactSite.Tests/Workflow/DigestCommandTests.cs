using AngleSharp.Html.Parser;
using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Workflow;

/// <summary>
/// 'impactsite digest --since 2026-06-01' on 2026-11-23, over two studies whose decisions were answered or updated
/// before, inside and after that window. Each decision's title says whether it must appear.
/// </summary>
public sealed class DigestCommandTests : IDisposable
{
    static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1795392000" }; // 2026-11-23
    const string Since = "2026-06-01";

    static readonly string[] NewsAlpha = ["Answered in the window", "Updated in the window", "Not adopted on the first day", "Answered earlier, updated in the window"];
    static readonly string[] NewsBeta = ["Partly adopted in the window"];
    static readonly string[] Quiet =
    [
        "Answered before the window", "Updated before the window", "Answered after the build date", "Open for a long time",
        "Considered, no news yet", "Draft answered in the window",
    ];
    static readonly string[] WaitingAlpha = ["Open for a long time", "Updated in the window", "Updated before the window"];
    static readonly string[] WaitingBeta = ["Considered, no news yet"];

    static readonly string[] WithheldNames = ["Zebedee Withheldname", "Quentin Hiddensurname", "Wilhelmina Withdrawnperson"];

    readonly TempSite site = new();

    public DigestCommandTests()
    {
        site.Study("alpha").Study("beta");
        site.Meeting("alpha", "2026-03-01-leap-north", "2026-03-01");
        Decision("alpha", "answered-before", "Answered before the window", "2026-01-05", """
            status: adopted
            we_did: Done early.
            responded: 2026-05-31
            """);
        Decision("alpha", "answered-in", "Answered in the window", "2026-03-01", """
            raised_at: 2026-03-01-leap-north
            raised_by: [kite, quiet]
            status: adopted
            we_did: "@ana rewrote the letter with the panel."
            responded: 2026-07-15
            decided_by: Trial management group
            """, youSaid: "\"@kite said the letter was hard to follow.\"");
        Decision("alpha", "updated-in", "Updated in the window", "2026-02-01", """
            status: considering
            updates:
              - date: 2026-03-01
                status: considering
                note: An old step, before the window.
              - date: 2026-08-01
                status: considering
                note: "@gone asked the ethics committee."
            """);
        Decision("alpha", "updated-before", "Updated before the window", "2026-02-01", """
            status: considering
            updates:
              - date: 2026-05-20
                status: considering
                note: Too early to count.
            """);
        Decision("alpha", "not-adopted-first-day", "Not adopted on the first day", "2026-04-01", """
            status: not-adopted
            we_did: We asked the sponsor.
            reason: The sponsor's wording is required by the ethics committee.
            responded: 2026-06-01
            """);
        Decision("alpha", "answered-earlier-updated", "Answered earlier, updated in the window", "2026-01-10", """
            status: adopted
            we_did: Done.
            responded: 2026-05-01
            updates:
              - date: 2026-06-10
                status: adopted
                note: A late note.
            """);
        Decision("alpha", "future", "Answered after the build date", "2026-11-01", """
            status: adopted
            we_did: Will be done.
            responded: 2026-11-30
            """);
        Decision("alpha", "open-old", "Open for a long time", "2025-01-01", "status: open");
        Decision("alpha", "draft", "Draft answered in the window", "2026-06-02", """
            draft: true
            status: adopted
            we_did: Done.
            responded: 2026-07-01
            """);
        Decision("beta", "partly", "Partly adopted in the window", "2026-09-01", """
            raised_by: [gone]
            status: partly-adopted
            we_did: Some of it.
            reason: Not all of it was possible.
            responded: 2026-10-01
            """);
        Decision("beta", "considered", "Considered, no news yet", "2026-10-01", "status: considering");
    }

    public void Dispose() => site.Dispose();

    void Decision(string study, string slug, string title, string raised, string fields, string youSaid = "A suggestion.") =>
        site.Write($"studies/{study}/decisions/{slug}.md", $"---\ntitle: \"{title}\"\nraised: {raised}\nyou_said: {youSaid}\n{fields}\n---\n");

    CliRunner.Run Digest(params string[] args) =>
        CliRunner.Invoke(site.Root, Epoch, ["digest", "--input", "input", "--theme", Repo.Theme, .. args]);

    [Fact]
    public void Text_lists_exactly_the_suggestions_with_news_since_the_date_and_those_still_waiting()
    {
        var run = Digest("--since", Since);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var text = run.Stdout;
        var (news, waiting) = Split(text);
        foreach (var title in NewsAlpha.Concat(NewsBeta)) Assert.Contains(title, news);
        foreach (var title in Quiet) Assert.DoesNotContain(title, news);
        foreach (var title in WaitingAlpha.Concat(WaitingBeta)) Assert.Contains(title, waiting);
        foreach (var title in NewsAlpha.Concat(NewsBeta).Except(WaitingAlpha)) Assert.DoesNotContain(title, waiting);
        Assert.DoesNotContain("Draft answered", text);

        Assert.Contains("In short: 5 suggestions had news. 3 were answered (1 adopted, 1 partly adopted and 1 not adopted) and 2 have a progress update.", Unwrap(text));
        Assert.Contains("4 suggestions are still waiting for an answer, 3 of them overdue (no answer for more than 90 days).", Unwrap(text));
        Assert.Contains("Overdue: no answer for more than 90 days.", Unwrap(waiting));
        Assert.Contains("Not adopted. We could not do what you suggested. Answered on 1 June 2026.", Unwrap(news));
        Assert.Contains("Why: The sponsor's wording is required by the ethics committee.", Unwrap(news));
        Assert.Contains("https://impact.test.example/studies/alpha/decisions/answered-in/", text);
        Assert.DoesNotContain("An old step, before the window.", text);
        Assert.Contains("A late note.", text);
    }

    [Fact]
    public void Text_is_wrapped_for_email_without_markdown_symbols()
    {
        var text = Digest("--since", Since).Stdout;
        foreach (var line in text.Split('\n'))
            Assert.True(line.Length <= 72 || line.Trim().StartsWith("https://", StringComparison.Ordinal), $"too long: '{line}'");
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("](", text);
        Assert.DoesNotContain("\n#", text);
        Assert.DoesNotContain("<", text);
    }

    [Fact]
    public void People_appear_only_as_their_public_credit()
    {
        foreach (var format in new[] { "text", "html" })
        {
            var run = Digest("--since", Since, "--format", format);
            Assert.True(run.ExitCode == 0, run.Stderr);
            var text = format == "html" ? Parse(run.Stdout).Body!.TextContent : run.Stdout;
            var flat = Unwrap(text);
            Assert.Contains("Kite (Service user researcher) said the letter was hard to follow.", flat);
            Assert.Contains("Raised on 1 March 2026 at the meeting \"Meeting 2026-03-01-leap-north\", by Kite (Service user researcher) and a Carer representative.", flat);
            Assert.Contains("Ana Testperson (LEAP member) rewrote the letter with the panel.", flat);
            Assert.Contains("A LEAP member asked the ethics committee.", flat); // a credit that starts a sentence starts with a capital
            Assert.Contains("by a LEAP member.", flat);
            foreach (var name in WithheldNames) Assert.DoesNotContain(name, run.Stdout, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@", text);
            Assert.DoesNotContain("quiet", flat);
            Assert.DoesNotContain("gone", flat);
        }
    }

    [Fact]
    public void Html_is_one_accessible_standalone_document_with_exactly_the_expected_entries()
    {
        var run = Digest("--since", Since, "--format", "html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = Parse(run.Stdout);
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Single(page.QuerySelectorAll("main"));
        Assert.Empty(page.QuerySelectorAll("script, link, iframe, img"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));

        var news = page.QuerySelectorAll("section.news article.suggestion h3 a").Select(a => a.TextContent).ToList();
        Assert.Equal(NewsAlpha.Concat(NewsBeta).Order(), news.Order());
        var waiting = page.QuerySelectorAll("section.waiting li a").Select(a => a.TextContent).ToList();
        Assert.Equal(WaitingAlpha.Concat(WaitingBeta).Order(), waiting.Order());
        Assert.Equal(["News from Study alpha", "News from Study beta", "Still waiting for an answer"],
            page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.All(page.QuerySelectorAll("a"), a => Assert.StartsWith("https://impact.test.example/studies/", a.GetAttribute("href")));
        Assert.Equal(3, page.QuerySelectorAll(".overdue").Length);
    }

    [Fact]
    public void Text_is_escaped_in_html()
    {
        site.Write("studies/alpha/decisions/markup.md",
            "---\ntitle: \"<script>alert(1)</script> & friends\"\nraised: 2026-06-02\nyou_said: \"Use <b>bold</b> & **stars**\"\nstatus: considering\n" +
            "updates:\n  - date: 2026-06-03\n    status: considering\n    note: Looked at it.\n---\n");
        var run = Digest("--since", Since, "--format", "html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("<script>", run.Stdout);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends", run.Stdout);
        var page = Parse(run.Stdout);
        Assert.Empty(page.QuerySelectorAll("script, b"));
        Assert.Contains("<script>alert(1)</script> & friends", page.QuerySelectorAll("h3").Select(h => h.TextContent).Single(t => t.Contains("friends")));
    }

    [Fact]
    public void Study_limits_the_digest_to_one_study()
    {
        var run = Digest("--since", Since, "--study", "alpha", "--format", "html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = Parse(run.Stdout);
        Assert.Equal(NewsAlpha.Order(), page.QuerySelectorAll("section.news article.suggestion h3 a").Select(a => a.TextContent).Order());
        Assert.Equal(WaitingAlpha.Order(), page.QuerySelectorAll("section.waiting li a").Select(a => a.TextContent).Order());
        Assert.DoesNotContain("Study beta", run.Stdout);

        var text = Digest("--since", Since, "--study", "beta").Stdout;
        Assert.Contains("Partly adopted in the window", text);
        foreach (var title in NewsAlpha) Assert.DoesNotContain(title, text);
    }

    [Fact]
    public void Out_writes_a_file()
    {
        var run = Digest("--since", Since, "--format", "html", "--out", "digest/november.html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Wrote the digest to digest/november.html: 5 suggestions with news, 4 still waiting.", run.Stdout);
        var html = File.ReadAllText(Path.Combine(site.Root, "digest", "november.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
    }

    [Theory]
    [InlineData("2026-13-01")]
    [InlineData("1 June 2026")]
    [InlineData("2026-6-1")]
    public void A_bad_since_date_is_a_usage_error(string since)
    {
        var run = Digest("--since", since);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--since '{since}' is not a valid date", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void Other_usage_mistakes_exit_2()
    {
        Assert.Equal(2, Digest().ExitCode);
        Assert.Equal(2, Digest("--since", "2026-12-01").ExitCode);
        Assert.Equal(2, Digest("--since", Since, "--format", "pdf").ExitCode);
        var study = Digest("--since", Since, "--study", "alpah");
        Assert.Equal(2, study.ExitCode);
        Assert.Contains("Did you mean 'alpha'?", study.Stderr);
        Assert.Equal(2, Digest("--since", Since, "--out", "input/digest.txt").ExitCode);
        Assert.False(File.Exists(Path.Combine(site.Input, "digest.txt")));
    }

    [Fact]
    public void Content_errors_exit_1_with_the_diagnostics()
    {
        site.Write("studies/alpha/decisions/broken.md", "---\ntitle: Broken\nraised: 2026-07-01\nyou_said: S\nstatus: adopted\n---\n");
        var run = Digest("--since", Since);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("input/studies/alpha/decisions/broken.md:5:1: error: status 'adopted' needs 'we_did'", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The news part and the "still waiting" part of the text digest.</summary>
    static (string News, string Waiting) Split(string text)
    {
        var at = text.IndexOf("\nStill waiting for an answer\n", StringComparison.Ordinal);
        Assert.True(at > 0, text);
        return (text[..at], text[at..]);
    }

    /// <summary>Undo the line wrapping so sentences can be matched whole.</summary>
    static string Unwrap(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
