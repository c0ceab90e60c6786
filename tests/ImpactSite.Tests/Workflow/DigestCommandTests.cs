using AngleSharp.Html.Parser;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;
using ImpactSite.Letters;

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
    static readonly string[] WaitingAlpha = ["Open for a long time", "Updated before the window", "Raised at the carers' meeting"];
    static readonly string[] WaitingBeta = ["Considered, no news yet"];

    static readonly string[] WithheldNames = ["Zebedee Withheldname", "Quentin Hiddensurname", "Wilhelmina Withdrawnperson"];

    readonly TempSite site = new();

    public DigestCommandTests()
    {
        site.Study("beta").Write("studies/alpha/index.md", "---\ntitle: Study alpha\nsummary: A test study.\nstatus: active\ngroups: [LEAP North, Carers' Circle]\n---\n");
        site.Meeting("alpha", "2026-03-01-leap-north", "2026-03-01");
        site.Meeting("alpha", "2026-07-01-leap-north", "2026-07-01", "attendees: [kite, ana]");
        site.Write("studies/alpha/meetings/2026-08-01-carers.md", "---\ntitle: Carers in August\ndate: 2026-08-01\ngroup: Carers' Circle\nattendees: [quiet]\n---\n");
        Decision("alpha", "carers-idea", "Raised at the carers' meeting", "2026-08-01", "raised_at: 2026-08-01-carers\nstatus: considering");
        site.Write("posts/alpha-news.md", "---\ntitle: Post about alpha in the window\ndate: 2026-07-02\nauthors: [kite]\nstudy: alpha\nsummary: What @kite learned.\n---\nText.\n");
        site.Write("posts/old-news.md", "---\ntitle: Post before the window\ndate: 2026-05-02\nauthors: [kite]\nstudy: alpha\n---\nText.\n");
        site.Write("posts/general.md", "---\ntitle: General post in the window\ndate: 2026-09-09\nauthors: [ana]\n---\nText.\n");
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
            decided_by: kite
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
    public void Text_lists_each_suggestion_with_news_once_and_what_is_still_waiting_with_kind_words()
    {
        var run = Digest("--since", Since);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var text = run.Stdout;
        var flat = Unwrap(text);
        foreach (var title in NewsAlpha.Concat(NewsBeta).Concat(WaitingAlpha).Concat(WaitingBeta).Distinct())
            Assert.Equal(1, Occurrences(text, "- " + title));
        foreach (var title in Quiet.Except(WaitingAlpha).Except(WaitingBeta)) Assert.DoesNotContain(title, text);
        Assert.DoesNotContain("Draft answered", text);

        Assert.StartsWith("Involvement news\n", text);
        Assert.Contains("In short: 2 meetings were held, 3 suggestions were answered (1 adopted, 1 partly adopted and 1 not adopted), 2 suggestions moved forward and 2 posts were published. 4 suggestions are still waiting for an answer.", flat);
        Assert.Contains("Not adopted. We could not do what you suggested. Answered on 1 June 2026.", flat);
        Assert.Contains("Why: The sponsor's wording is required by the ethics committee.", flat);
        Assert.Contains("https://impact.test.example/studies/alpha/decisions/answered-in/", text);
        Assert.DoesNotContain("An old step, before the window.", text);
        Assert.Contains("A late note.", text);
        // A long wait is put kindly, never as a count of days.
        Assert.Contains("Raised in January 2025. This is taking longer than we would like, and we are sorry for the wait.", flat);
        Assert.DoesNotContain(" days", flat);
        Assert.DoesNotContain("overdue", flat, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_meetings_held_and_posts_published_in_the_period_are_listed_under_their_study()
    {
        var sections = Sections(Parse(Digest("--since", Since, "--format", "html").Stdout));
        Assert.Equal(["Meeting 2026-07-01-leap-north", "Carers in August"], sections["Study alpha/Meetings held"]);
        Assert.Equal(["Post about alpha in the window"], sections["Study alpha/New posts"]);
        Assert.Equal(["General post in the window"], sections["Other news/New posts"]);
        Assert.DoesNotContain(sections.Values.SelectMany(v => v), t => t is "Post before the window" or "Meeting 2026-03-01-leap-north");
    }

    [Fact]
    public void Group_gives_only_what_that_group_did()
    {
        var run = Digest("--since", Since, "--group", "leap north", "--format", "html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = Parse(run.Stdout);
        Assert.Equal("News for LEAP North", page.QuerySelector("h1")!.TextContent);
        var sections = Sections(page);
        Assert.Equal(["Meeting 2026-07-01-leap-north"], sections["Study alpha/Meetings held"]);
        var all = sections.Values.SelectMany(v => v).ToList();
        Assert.DoesNotContain("Carers in August", all);
        Assert.DoesNotContain("Raised at the carers' meeting", all);
        Assert.Contains("Answered in the window", all);
        Assert.Contains("Partly adopted in the window", all);

        var carers = Sections(Parse(Digest("--since", Since, "--group", "Carers' Circle", "--format", "html").Stdout));
        Assert.Equal(["Carers in August"], carers["Study alpha/Meetings held"]);
        Assert.Contains("Raised at the carers' meeting", carers["Study alpha/Still waiting for an answer"]);
        Assert.DoesNotContain(carers.Keys, k => k.StartsWith("Study beta", StringComparison.Ordinal));
        Assert.DoesNotContain(carers.Values.SelectMany(v => v), t => t == "Answered in the window");
    }

    [Fact]
    public void Person_gives_their_meetings_suggestions_and_posts()
    {
        var run = Digest("--since", Since, "--person", "Kite", "--format", "html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = Parse(run.Stdout);
        Assert.Equal("What happened to your suggestions", page.QuerySelector("h1")!.TextContent);
        var sections = Sections(page);
        Assert.Equal(["Meeting 2026-07-01-leap-north"], sections["Study alpha/Meetings held"]);
        Assert.Equal(["Answered in the window"], sections["Study alpha/Suggestions answered"]);
        Assert.Equal(["Post about alpha in the window"], sections["Study alpha/New posts"]);
        var all = sections.Values.SelectMany(v => v).ToList();
        Assert.DoesNotContain("Partly adopted in the window", all);
        Assert.DoesNotContain("Open for a long time", all);
        // News about no particular study goes to everyone.
        Assert.Equal(["General post in the window"], sections["Other news/New posts"]);
        Assert.DoesNotContain("Zebedee", run.Stdout);
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
            Assert.Contains("Decided by: Kite (Service user researcher)", flat);
            Assert.Contains("What Kite (Service user researcher) learned.", flat);
            foreach (var name in WithheldNames) Assert.DoesNotContain(name, run.Stdout, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@", text.Replace("test.example", ""));
            Assert.DoesNotContain("quiet", flat);
            Assert.DoesNotContain("gone", flat);
        }
    }

    [Fact]
    public void Html_is_one_standalone_document_for_mail_programs()
    {
        var run = Digest("--since", Since, "--format", "html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = Parse(run.Stdout);
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Involvement news", page.Title);
        Assert.Single(page.QuerySelectorAll("h1"));
        // Mail programs drop style sheets and mangle layout tables: one column, inline styles only.
        Assert.Empty(page.QuerySelectorAll("script, link, style, iframe, img, table, form"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.All(page.QuerySelectorAll("a"), a => Assert.StartsWith("https://impact.test.example/", a.GetAttribute("href")));
        Assert.All(page.QuerySelectorAll("a"), a => Assert.Contains("text-decoration:underline", a.GetAttribute("style")));

        var sections = Sections(page);
        Assert.Equal(NewsAlpha.Where(t => t.Contains("Answered in") || t.Contains("Not adopted")).Order(), sections["Study alpha/Suggestions answered"].Order());
        Assert.Equal(["Partly adopted in the window"], sections["Study beta/Suggestions answered"]);
        Assert.Equal(new[] { "Updated in the window", "Answered earlier, updated in the window" }.Order(), sections["Study alpha/Suggestions moving forward"].Order());
        Assert.Equal(WaitingAlpha.Order(), sections["Study alpha/Still waiting for an answer"].Order());
        Assert.Equal(WaitingBeta, sections["Study beta/Still waiting for an answer"]);
        Assert.Equal(["Study alpha", "Study beta", "Other news"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
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
        Assert.Contains("<script>alert(1)</script> & friends", Sections(page)["Study alpha/Suggestions moving forward"]);
    }

    [Fact]
    public void Study_limits_the_digest_to_one_study()
    {
        var run = Digest("--since", Since, "--study", "alpha", "--format", "html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = Parse(run.Stdout);
        Assert.Equal("News from Study alpha", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Study alpha"], page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.DoesNotContain("Study beta", run.Stdout);
        Assert.DoesNotContain("General post", run.Stdout);

        var text = Digest("--since", Since, "--study", "beta").Stdout;
        Assert.Contains("Partly adopted in the window", text);
        foreach (var title in NewsAlpha) Assert.DoesNotContain(title, text);
    }

    [Fact]
    public void Out_writes_a_file()
    {
        var run = Digest("--since", Since, "--format", "html", "--out", "digest/november.html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Wrote the digest to digest/november.html: 2 meetings, 5 suggestions with news, 4 still waiting, 2 posts.", run.Stdout);
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
        var group = Digest("--since", Since, "--group", "LEAP Nort");
        Assert.Equal(2, group.ExitCode);
        Assert.Contains("no published study lists the group 'LEAP Nort'. Did you mean 'LEAP North'? Groups: LEAP North, Carers' Circle.", group.Stderr);
        var person = Digest("--since", Since, "--person", "kyte");
        Assert.Equal(2, person.ExitCode);
        Assert.Contains("--person 'kyte' is not in people.yml. Did you mean 'kite'?", person.Stderr);
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

    /// <summary>The titles listed under each "study/section" heading of the HTML digest.</summary>
    static Dictionary<string, List<string>> Sections(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        var sections = new Dictionary<string, List<string>>();
        string study = "", section = "";
        foreach (var element in page.Body!.QuerySelectorAll("h2, h3, ul > li > strong:first-child"))
        {
            if (element.LocalName == "h2") study = element.TextContent;
            else if (element.LocalName == "h3") section = $"{study}/{element.TextContent}";
            else (sections.TryGetValue(section, out var list) ? list : sections[section] = []).Add(element.TextContent);
        }
        return sections;
    }

    static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    /// <summary>Undo the line wrapping so sentences can be matched whole.</summary>
    static string Unwrap(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
}
