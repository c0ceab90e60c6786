using System.Text;
using System.Text.Json;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Privacy;

/// <summary>Each kind of credit, in each place a person appears, shows exactly what the person consented to.</summary>
public sealed class CreditTests : IDisposable
{
    const string Name = "Ana Testperson (LEAP member)";
    const string Pseudonym = "Kite (Service user researcher)";
    const string Role = "a Carer representative";
    const string Withdrawn = "a LEAP member";
    static readonly string[] Withheld = ["Zebedee Withheldname", "Quentin Hiddensurname", "Wilhelmina Withdrawnperson"];

    readonly TempSite temp = new();
    readonly BuiltSite site;

    public CreditTests()
    {
        temp.Study("alpha")
            .Meeting("alpha", "m1", "2025-01-10", "attendees: [ana, kite, quiet, gone]\nchair: kite")
            .Decision("alpha", "d1", "2025-01-10", "raised_at: m1\nraised_by: [ana, kite, quiet, gone]\nstatus: adopted\nwe_did: Done with @kite.\nresponded: 2025-02-01");
        temp.Write("posts/p.md", "---\ntitle: Written together\ndate: 2025-03-01\nauthors: [ana, kite, quiet, gone]\nstudy: alpha\n---\nBy @ana, @kite, @quiet and @gone.");
        site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
    }

    public void Dispose() => temp.Dispose();

    static void AssertAllCredits(string text)
    {
        Assert.Contains(Name, text);
        Assert.Contains(Pseudonym, text);
        Assert.Contains(Role, text);
        Assert.Contains(Withdrawn, text);
    }

    [Fact]
    public void Meeting_page_credits_attendees_and_chair() =>
        AssertAllCredits(site.Page("/studies/alpha/meetings/m1/").QuerySelector("main")!.TextContent);

    [Fact]
    public void Decision_page_credits_who_raised_it() =>
        AssertAllCredits(site.Page("/studies/alpha/decisions/d1/").QuerySelector("main")!.TextContent);

    [Fact]
    public void Post_page_credits_authors_and_mentions()
    {
        var page = site.Page("/blog/p/");
        AssertAllCredits(page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("@kite", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Evidence_raised_by_holds_credits_never_ids()
    {
        var decision = JsonDocument.Parse(site.Text("studies/alpha/evidence.json")).RootElement.GetProperty("decisions")[0];
        Assert.Equal([Name, Pseudonym, Role, Withdrawn], decision.GetProperty("raised_by").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Contains("Done with Kite (Service user researcher).", decision.GetProperty("we_did").GetString());
        Assert.Contains($"{Name}; {Pseudonym}; {Role}; {Withdrawn}", site.Text("studies/alpha/evidence.csv"));
    }

    [Fact]
    public void Feed_and_search_index_use_credits() 
    {
        AssertAllCredits(site.Text("feed.xml"));
        AssertAllCredits(site.Text("search/index.json"));
    }

    [Fact]
    public void No_withheld_name_or_person_id_reaches_any_output_file()
    {
        foreach (var (path, file) in site.Files)
        {
            var text = Encoding.UTF8.GetString(file.Content);
            foreach (var name in Withheld) Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("@kite", text);
        }
    }
}
