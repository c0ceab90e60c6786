using System.Text.Json;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Pages;

/// <summary>
/// Issue 17: a study's page tells its story first and keeps the rest one click away; the "you said, we did" log can
/// be filtered by status and topic with plain links; technical detail is on "For funders and researchers"; credits
/// that start a sentence start with a capital.
/// </summary>
public sealed class StoryFirstPagesTests : IDisposable
{
    readonly TempSite temp = new();
    readonly BuiltSite site;

    public StoryFirstPagesTests()
    {
        temp.Study("alpha", "tags: [Plain English]")
            .Meeting("alpha", "m1", "2025-01-10", "attendees: [ana, quiet]\nchair: quiet\nstandards: [inclusive-opportunities, working-together]")
            .Decision("alpha", "d1", "2025-01-10", "status: adopted\nwe_did: Rewrote it.\nresponded: 2025-02-01\ntags: [plain English, letters]\nstandards: [inclusive-opportunities, working-together]")
            .Decision("alpha", "d2", "2025-01-11", "status: not-adopted\nwe_did: Kept it.\nreason: The sponsor requires it.\nresponded: 2025-02-01")
            .Decision("alpha", "d3", "2025-01-12", "status: open\ntags: [Plain-English, plain english]");
        temp.Write("pages/notes.md", "---\ntitle: Notes\n---\n@quiet spoke first. Then @quiet agreed! Later, @quiet and @ana left.\n\n| who |\n|---|\n| @quiet |\n");
        site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
    }

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_study_page_opens_with_what_changed_and_keeps_the_rest_in_details()
    {
        var main = site.Page("/studies/alpha/").QuerySelector("main")!;
        var story = main.QuerySelector(".story")!;
        Assert.Same(story, main.QuerySelector("h1")!.NextElementSibling);
        Assert.Contains("Of 3 suggestions", story.TextContent);
        Assert.Equal(["Decision d1"], story.QuerySelectorAll(".changes__link").Select(a => a.TextContent).ToArray());
        // Nothing lost: the timeline, the figures, the report and the standards are all there, in <details>.
        Assert.NotNull(main.QuerySelector("details #timeline-caption"));
        Assert.NotNull(main.QuerySelector("details .key-figures"));
        Assert.NotNull(main.QuerySelector("#involvement-report + p + details h3"));
        // Standards: each entry listed once with all its standards, not once under each standard's heading.
        var entries = main.QuerySelectorAll(".coverage__entries li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains(entries, e => e.Contains("Decision d1") && e.Contains("Inclusive opportunities") && e.Contains("Working together"));
        Assert.Empty(main.QuerySelectorAll("#standards ~ * h3, .coverage h3"));
        Assert.DoesNotContain("Latest: you said, we did", main.TextContent);
    }

    [Fact]
    public void The_log_links_to_a_page_for_each_status_and_each_topic()
    {
        var log = site.Page("/studies/alpha/decisions/");
        var links = log.QuerySelectorAll("nav.filter a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/studies/alpha/decisions/status/adopted/", links);
        Assert.Contains("/studies/alpha/decisions/status/not-adopted/", links);
        Assert.Contains("/tags/plain-english/", links);
        Assert.DoesNotContain("/studies/alpha/decisions/status/considering/", links); // none has it: shown as text

        var adopted = site.Page("/studies/alpha/decisions/status/adopted/");
        var titles = adopted.QuerySelectorAll("main .card__title").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Decision d1"], titles);
        Assert.Equal("page", adopted.QuerySelector("a[href='/studies/alpha/decisions/status/adopted/']")!.GetAttribute("aria-current"));
        // A status nobody has yet still has its page, so a cited address keeps working.
        Assert.Contains("No suggestion for this study has this status", site.Page("/studies/alpha/decisions/status/considering/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void A_topic_page_lists_every_entry_tagged_with_it_whatever_its_case()
    {
        var topic = site.Page("/tags/plain-english/").QuerySelector("main")!;
        var titles = topic.QuerySelectorAll("li a").Select(a => a.TextContent).ToList();
        Assert.Contains("Decision d1", titles);
        Assert.Contains("Study alpha", titles);
        Assert.DoesNotContain("Decision d2", titles);
        // Two tags of one entry that share the topic list it once; the newest is first.
        Assert.Single(titles, "Decision d3");
        Assert.True(titles.IndexOf("Decision d3") < titles.IndexOf("Decision d1"), string.Join(", ", titles));
        Assert.NotNull(site.Page("/studies/alpha/decisions/d1/").QuerySelector("a[href='/tags/letters/']"));
    }

    [Fact]
    public void Technical_detail_is_on_for_funders_and_researchers_not_in_every_footer()
    {
        var footer = site.Page("/studies/alpha/").QuerySelector("footer")!;
        Assert.DoesNotContain("Atom", footer.TextContent);
        Assert.NotNull(footer.QuerySelector("a[href='/for-researchers/']"));
        var researchers = site.Page("/for-researchers/").QuerySelector("main")!;
        Assert.Contains("GRIPP2", researchers.TextContent);
        Assert.Contains("UK Standards for Public Involvement", researchers.TextContent);
        Assert.NotNull(researchers.QuerySelector("a[href='/studies/alpha/evidence.json']"));
        Assert.NotNull(researchers.QuerySelector("a[href='/feed.xml']"));
    }

    [Fact]
    public void A_credit_that_starts_a_sentence_starts_with_a_capital()
    {
        var text = site.Page("/notes/").QuerySelector("main")!.TextContent;
        Assert.Contains("A Carer representative spoke first. Then a Carer representative agreed! Later, a Carer representative and Ana Testperson (LEAP member) left.", text);
        Assert.Contains("A Carer representative", site.Page("/notes/").QuerySelector("main td")!.TextContent);
        Assert.DoesNotContain("Quentin", text);
        // In a layout too: the meeting's chair and attendees begin their lines.
        var meeting = site.Page("/studies/alpha/meetings/m1/").QuerySelector("main .summary-list")!.TextContent;
        Assert.Contains("A Carer representative", meeting);
    }

    [Fact]
    public void The_site_has_a_favicon_and_a_web_manifest_naming_it()
    {
        var head = site.Page("/").Head!;
        Assert.NotNull(head.QuerySelector("link[rel=icon][href='/theme/favicon.svg']"));
        Assert.NotNull(head.QuerySelector("link[rel=manifest][href='/site.webmanifest']"));
        var manifest = JsonDocument.Parse(site.Text("site.webmanifest")).RootElement;
        Assert.Equal("Test involvement site", manifest.GetProperty("name").GetString());
        Assert.Equal("/", manifest.GetProperty("start_url").GetString());
        foreach (var icon in manifest.GetProperty("icons").EnumerateArray())
            Assert.True(site.Has(icon.GetProperty("src").GetString()!.TrimStart('/')), icon.ToString());
    }
}
