using System.Text.Json;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Validation;

/// <summary>
/// The slips a busy co-ordinator makes (issue 19), each built as real content: the message is on the line of the slip,
/// and what the reader would have seen is checked in the built pages and data.
/// </summary>
public sealed class SlipTests
{
    static string Lines(BuiltSite site) => string.Join("\n", site.Result.Diagnostics.Select(d => d.Format("")));

    [Fact]
    public void A_misspelt_key_stops_the_build_at_its_line_and_names_the_key_meant()
    {
        using var temp = new TempSite().Study();
        temp.Meeting("alpha", "m1", "2025-01-10", "atendees: [ana, kite]");
        var site = temp.Build();
        Assert.False(site.Result.Succeeded);
        Assert.Contains("studies/alpha/meetings/m1.md:5:1: error: unknown key 'atendees': did you mean 'attendees'?", Lines(site));
    }

    [Fact]
    public void A_misspelt_required_key_is_reported_once_at_the_misspelling_and_an_unrelated_key_stays_a_warning()
    {
        using var temp = new TempSite().Study();
        temp.Decision("alpha", "d1", "2025-01-10", "staus: open\ninternal_reference: X-12");
        var site = temp.Build();
        var lines = Lines(site);
        Assert.Contains("studies/alpha/decisions/d1.md:5:1: error: unknown key 'staus': did you mean 'status'?", lines);
        Assert.DoesNotContain("the required key 'status' is missing", lines);
        Assert.Contains("studies/alpha/decisions/d1.md:6:1: warning: unknown key 'internal_reference' is ignored", lines);
    }

    [Theory]
    [InlineData("---\ntitle: T\ndate: 2025-01-10\nattendees:\n\t- ana\n---\n", 5, 1)]
    [InlineData("---\ntitle: T\ndate: 2025-01-10\nattendees:\n  - ana\n \t- kite\n---\n", 6, 2)]
    [InlineData("---\ntitle: T\n\tdate: 2025-01-10\n---\n", 3, 1)]
    public void A_tab_in_the_front_matter_is_reported_at_the_tab_with_a_fix_about_tabs(string text, int line, int column)
    {
        using var temp = new TempSite().Study();
        temp.Write("studies/alpha/meetings/m1.md", text);
        var site = temp.Build();
        Assert.Contains($"studies/alpha/meetings/m1.md:{line}:{column}: error: this line is indented with a tab: YAML only accepts spaces here. Replace the tab with spaces", Lines(site));
    }

    [Fact]
    public void A_tab_in_people_yml_is_reported_at_its_own_line()
    {
        using var temp = new TempSite();
        temp.Write("people.yml", "- id: ana\n  credit: name\n  name: Ana Testperson\n- id: kite\n\tcredit: role\n");
        temp.Study();
        var site = temp.Build();
        Assert.Contains("people.yml:5:1: error: this line is indented with a tab", Lines(site));
    }

    /// <summary>A decision of study alpha: front matter on lines 1 to 6 (you_said on line 4), the body from line 7.</summary>
    static void WriteDecision(TempSite temp, string youSaid, string body) =>
        temp.Write("studies/alpha/decisions/d1.md", $"---\ntitle: Letters\nraised: 2025-01-10\nyou_said: {youSaid}\nstatus: open\n---\n{body}\n");

    [Fact]
    public void Placeholder_text_from_new_is_an_error_at_its_line_wherever_it_is_left()
    {
        using var temp = new TempSite().Study();
        WriteDecision(temp, "\"Write what contributors said here.\"", "Our notes.\n\nAnything else worth saying about this suggestion, in markdown.");
        var site = temp.Build();
        var lines = Lines(site);
        Assert.Contains("studies/alpha/decisions/d1.md:4:11: error: \"Write what contributors said here.\" is the placeholder text 'impactsite new' wrote", lines);
        Assert.Contains("studies/alpha/decisions/d1.md:9:1: error: \"Anything else worth saying about this suggestion, in markdown.\" is the placeholder text", lines);
        Assert.Empty(site.Files);
    }

    [Fact]
    public void Placeholder_text_rewrapped_and_in_other_capitals_is_found_and_the_same_words_in_another_order_are_not()
    {
        using var temp = new TempSite().Study();
        const string reordered = "Contributors said here what they would write.";
        WriteDecision(temp, reordered, "We kept the poster. write what CONTRIBUTORS\n   said  here. Then we met again.");
        var site = temp.Build();
        var errors = Lines(site).Split('\n').Where(l => l.Contains("placeholder text")).ToList();
        Assert.Equal(["studies/alpha/decisions/d1.md:7:21: error: \"write what CONTRIBUTORS said here.\" is the placeholder text 'impactsite new' wrote: replace it with your own words (or delete it) before publishing."], errors);

        WriteDecision(temp, reordered, "We kept the poster. Then we met again.");
        var fixedSite = temp.Build();
        Assert.True(fixedSite.Result.Succeeded, fixedSite.Errors);
        Assert.Contains(reordered, fixedSite.Page("/studies/alpha/decisions/d1/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void A_mention_typed_with_capitals_becomes_the_persons_credit()
    {
        using var temp = new TempSite().Study();
        temp.Write("posts/p1.md", "---\ntitle: P\ndate: 2025-01-10\nauthors: [Kite]\n---\nThanks to @Kite and @ANA for the idea.\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var text = site.Page("/blog/p1/").QuerySelector("main")!.TextContent;
        Assert.Contains("Thanks to Kite (Service user researcher) and Ana Testperson (LEAP member) for the idea.", text);
        Assert.DoesNotContain("@Kite", text);
        Assert.DoesNotContain("@ANA", text);
    }

    [Fact]
    public void An_unknown_mention_with_capitals_is_an_error_with_the_id_meant()
    {
        using var temp = new TempSite().Study();
        temp.Write("posts/p1.md", "---\ntitle: P\ndate: 2025-01-10\nauthors: [ana]\n---\nThanks to\n@Kyte for the idea.\n");
        var site = temp.Build();
        Assert.Contains("posts/p1.md:7:1: error: '@Kyte' is not in people.yml: add them there, or correct the id (write \\@ for a plain '@'). Did you mean 'kite'?", Lines(site));
    }

    [Fact]
    public void A_link_to_an_entry_with_front_matter_errors_says_so_instead_of_that_it_does_not_exist()
    {
        using var temp = new TempSite().Study();
        temp.Meeting("alpha", "m1", "2025-13-10");
        temp.Write("posts/p1.md", "---\ntitle: P\ndate: 2025-01-10\nauthors: [ana]\n---\nSee [the meeting](../studies/alpha/meetings/m1.md).\n");
        var lines = Lines(temp.Build());
        Assert.Contains("studies/alpha/meetings/m1.md:3:7: error: 'date: 2025-13-10' is not a valid date", lines);
        Assert.Contains("posts/p1.md:6:5: error: the link '../studies/alpha/meetings/m1.md' goes to studies/alpha/meetings/m1.md, which has errors (listed for that file, or for its study's index.md), so it cannot be published", lines);
        Assert.DoesNotContain("which does not exist", lines);
    }

    [Fact]
    public void Decided_by_person_ids_are_credited_as_consented_in_the_page_and_the_data()
    {
        using var temp = new TempSite().Study();
        temp.Decision("alpha", "d1", "2025-01-10", "status: adopted\nwe_did: Done.\nresponded: 2025-02-01\ndecided_by: [kite, quiet]");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        const string credits = "Kite (Service user researcher) and a Carer representative";
        Assert.Contains(credits, site.Page("/studies/alpha/decisions/d1/").QuerySelector("main")!.TextContent);
        var json = JsonDocument.Parse(site.Text("studies/alpha/evidence.json")).RootElement.GetProperty("decisions")[0];
        Assert.Equal(credits, json.GetProperty("decided_by").GetString());
        Assert.Contains(credits, site.Text("studies/alpha/evidence.csv"));
        foreach (var path in site.HtmlPaths.Append("studies/alpha/evidence.csv"))
        {
            Assert.DoesNotContain("Quentin", site.Text(path));
            Assert.DoesNotContain("quiet", site.Text(path).Replace("quiet space", ""));
        }
    }

    [Theory]
    [InlineData("decided_by: Sarah Jones", true)]
    [InlineData("decided_by: Dr Okafor", true)]
    [InlineData("decided_by: Testperson", true)]
    [InlineData("decided_by: Trial Steering Committee", false)]
    [InlineData("decided_by: Chief investigator", false)]
    [InlineData("decided_by: LEAP North", false)]
    public void Decided_by_warns_on_what_looks_like_a_typed_name_and_not_on_groups_or_roles(string line, bool warns)
    {
        using var temp = new TempSite().Study();
        temp.Decision("alpha", "d1", "2025-01-10", "status: open\n" + line);
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var warning = site.Result.Warnings.FirstOrDefault(w => w.Message.Contains("looks like a person's name"));
        Assert.Equal(warns, warning is not null);
        if (warning is not null) Assert.Equal((6, 13), (warning.Line, warning.Column));
    }

    [Fact]
    public void Decided_by_an_unknown_id_is_an_error_with_the_id_meant()
    {
        using var temp = new TempSite().Study();
        temp.Decision("alpha", "d1", "2025-01-10", "status: open\ndecided_by: [kite, quiet-r]");
        Assert.Contains("studies/alpha/decisions/d1.md:6:20: error: 'decided_by' names 'quiet-r', who is not in people.yml: add them there, or correct the id. Did you mean 'quiet'?", Lines(temp.Build()));
    }
}
