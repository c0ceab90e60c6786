using AngleSharp.Html.Parser;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Workflow;

/// <summary>'impactsite record --person kite' as a co-ordinator runs it, for a contributor credited by pseudonym.</summary>
public sealed class RecordCommandTests : IDisposable
{
    static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1795392000" }; // 2026-11-23

    readonly TempSite site = new();

    public RecordCommandTests()
    {
        site.Study();
        site.Meeting("alpha", "m1", "2026-03-01", "attendees: [kite, quiet]\nchair: kite");
        site.Meeting("alpha", "m2", "2026-05-01", "attendees: [ana]");
        site.Decision("alpha", "letters", "2026-03-01", "raised_at: m1\nraised_by: [kite, quiet]\nstatus: adopted\nwe_did: We rewrote the letter.\nresponded: 2026-04-01");
        site.Decision("alpha", "parking", "2026-03-01", "raised_by: [ana]\nstatus: open");
        site.Write("posts/p1.md", "---\ntitle: What we changed\ndate: 2026-06-01\nauthors: [kite, ana]\nstudy: alpha\n---\nText.\n");
        site.Write("posts/p2.md", "---\ntitle: Someone else's post\ndate: 2026-06-02\nauthors: [ana]\n---\nText.\n");
    }

    public void Dispose() => site.Dispose();

    CliRunner.Run Record(params string[] args) =>
        CliRunner.Invoke(site.Root, Epoch, ["record", "--input", "input", "--theme", Repo.Theme, .. args]);

    [Fact]
    public void The_record_lists_their_meetings_suggestions_and_posts_under_their_own_name_with_a_private_note_at_the_top()
    {
        var run = Record("--person", "kite");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Wrote kite's involvement record to involvement-record-kite.txt. It is private", run.Stdout);
        var text = File.ReadAllText(Path.Combine(site.Root, "involvement-record-kite.txt"));
        var flat = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        Assert.StartsWith("Involvement record: Zebedee Withheldname\n", text);
        Assert.Contains("Private. This record is for Zebedee Withheldname and the co-ordinator only. It uses Zebedee Withheldname's own name from people.yml because it is for them: the public site credits them as \"Kite (Service user researcher)\".", flat);
        Assert.Contains("attended 1 meeting on 1 March 2026 (chairing 1), raised 1 suggestion (1 answered so far) and co-wrote 1 post.", flat);
        Assert.Contains("- Meeting m1", text);
        Assert.Contains("Chaired the meeting.", text);
        Assert.Contains("- Decision letters", text);
        Assert.Contains("with a Carer representative", flat);
        Assert.Contains("What happened: Adopted. We did what you suggested. Answered on 1 April 2026. What we did: We rewrote the letter.", flat);
        Assert.Contains("- What we changed", text);
        Assert.Contains("written with Ana Testperson (LEAP member)", flat);
        // Nothing of anyone else's, and nobody else's withheld name.
        Assert.DoesNotContain("Meeting m2", text);
        Assert.DoesNotContain("parking", text);
        Assert.DoesNotContain("Someone else's post", text);
        Assert.DoesNotContain("Quentin", text);
    }

    [Fact]
    public void Html_record_is_one_document_with_their_name_as_its_title()
    {
        var run = Record("--person", "KITE", "--format", "html", "--output", "records/kite.html");
        Assert.True(run.ExitCode == 0, run.Stderr);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Root, "records", "kite.html")));
        Assert.Equal("Involvement record: Zebedee Withheldname", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Meetings attended", "Suggestions raised, and what happened", "Decisions taken part in", "Posts co-written"],
            page.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Empty(page.QuerySelectorAll("script, style, table"));
    }

    [Fact]
    public void It_is_never_written_where_it_would_be_published_or_taken_for_content()
    {
        Assert.Equal(0, CliRunner.Invoke(site.Root, Epoch, "build", "--input", "input", "--theme", Repo.Theme, "--output", "public").ExitCode);
        foreach (var target in new[] { "public/kite.txt", "output/kite.txt", "input/kite.txt", "input/pages/kite.md" })
        {
            var run = Record("--person", "kite", "--output", target);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains($"--output '{target}' is inside", run.Stderr);
            Assert.Contains("The record is private.", run.Stderr);
            Assert.False(File.Exists(Path.Combine(site.Root, target)), target);
        }
        Assert.True(File.Exists(Path.Combine(site.Root, "public", "index.html")));
    }

    [Fact]
    public void An_unknown_person_is_a_usage_error_with_the_id_meant()
    {
        var run = Record("--person", "kyte");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("error: --person 'kyte' is not in people.yml. Did you mean 'kite'?", run.Stderr);
        Assert.False(File.Exists(Path.Combine(site.Root, "involvement-record-kyte.txt")));
    }
}
