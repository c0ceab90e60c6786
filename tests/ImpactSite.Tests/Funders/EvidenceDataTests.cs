using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Funders;

/// <summary>evidence.json v2, the published schema, the licence and /datapackage.json, as a funder's tools read them.</summary>
public sealed class EvidenceDataTests(SampleSite sample) : IClassFixture<SampleSite>
{
    /// <summary>A study with stages, attendance, a withheld name behind a pseudonym and a cell a spreadsheet would run.</summary>
    static TempSite Involved(string licence = "data_licence: CC-BY-4.0")
    {
        var t = new TempSite();
        t.Write("site.yml", $"title: T\nbase_url: https://impact.test.example/sub/\norganisation: Test Research Unit\n{licence}\n");
        t.Study("alpha")
            .Meeting("alpha", "m1", "2025-01-10", "attendees: [ana, kite]\nchair: quiet\nattendee_count: 6\nstage: design")
            .Meeting("alpha", "m2", "2025-04-02", "attendees: [ana]\nstage: conduct")
            .Decision("alpha", "d1", "2025-01-10", "raised_at: m1\nraised_by: [kite]\nstatus: adopted\nwe_did: \"=HYPERLINK(1)\"\nresponded: 2025-02-09")
            .Decision("alpha", "d2", "2025-04-02", "raised_by: [gone]\nstatus: open\nstage: analysis")
            .Study("beta").Decision("beta", "d1", "2025-05-01", "status: open");
        return t;
    }

    [Fact]
    public void Every_evidence_file_validates_against_the_schema_the_site_publishes()
    {
        using var temp = Involved();
        var built = temp.Build();
        Assert.True(built.Result.Succeeded, built.Errors);
        foreach (var site in new[] { sample.Site, built })
        {
            var files = EvidenceChecks.EvidenceFiles(site).ToList();
            Assert.NotEmpty(files);
            foreach (var file in files) Assert.Empty(EvidenceChecks.AgainstSchema(site, site.Text(file)));
        }
        var json = JsonNode.Parse(built.Text("studies/alpha/evidence.json"))!;
        Assert.Equal("https://impact.test.example/sub/schema/evidence-v2.json", json["$schema"]!.GetValue<string>());
        Assert.Equal(json["$schema"]!.GetValue<string>(), JsonNode.Parse(built.Text("schema/evidence-v2.json"))!["$id"]!.GetValue<string>());

        // The schema is not a rubber stamp: a v1 file (no licence) and a made-up status fail it.
        json.AsObject().Remove("license");
        json["decisions"]![0]!["status"] = "maybe";
        var problems = EvidenceChecks.AgainstSchema(built, json.ToJsonString());
        Assert.Contains(problems, p => p.Contains("license"));
        Assert.Contains(problems, p => p.StartsWith("/decisions/0/status"));
    }

    [Fact]
    public void Evidence_counts_contributors_attendance_and_stages_but_never_names_a_withheld_person()
    {
        using var temp = Involved();
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var text = site.Text("studies/alpha/evidence.json");
        var root = JsonDocument.Parse(text).RootElement;
        var summary = root.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("contributors").GetInt32()); // ana, kite, quiet (chair), gone
        Assert.Equal(6 + 1, summary.GetProperty("attendance").GetInt32()); // attendee_count 6, then one listed
        var stages = root.GetProperty("by_stage").EnumerateArray()
            .ToDictionary(s => s.GetProperty("stage").GetString() ?? "none", s => (s.GetProperty("meetings").GetInt32(), s.GetProperty("suggestions").GetInt32()));
        Assert.Equal((1, 1), stages["design"]); // d1 was raised at the design meeting
        Assert.Equal((1, 0), stages["conduct"]);
        Assert.Equal((0, 1), stages["analysis"]);
        Assert.Equal((0, 0), stages["none"]);
        var meetings = root.GetProperty("meetings").EnumerateArray().ToDictionary(m => m.GetProperty("slug").GetString()!);
        Assert.Equal(6, meetings["m1"].GetProperty("attendance").GetInt32());
        Assert.Equal("design", meetings["m1"].GetProperty("stage").GetString());

        foreach (var file in new[] { "studies/alpha/evidence.json", "studies/alpha/evidence.csv", "evidence.csv", "datapackage.json" })
        {
            Assert.DoesNotContain("Zebedee", site.Text(file));
            Assert.DoesNotContain("Wilhelmina", site.Text(file));
        }
        Assert.Contains("Kite (Service user researcher)", text);
        Assert.Contains("a LEAP member", text);
    }

    [Fact]
    public void Data_package_lists_every_study_and_the_site_table_and_every_csv_fits_its_table_schema()
    {
        using var temp = Involved();
        var built = temp.Build();
        Assert.True(built.Result.Succeeded, built.Errors);
        foreach (var site in new[] { sample.Site, built })
        {
            var checkedTables = EvidenceChecks.DataPackage(site);
            var studies = site.Result.Graph!.Studies.Select(s => s.Slug + "-evidence").Append("evidence").Order().ToList();
            Assert.Equal(studies, checkedTables.Keys.Order().ToList());
            foreach (var (name, problems) in checkedTables) Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
        }
        var package = JsonDocument.Parse(built.Text("datapackage.json")).RootElement;
        Assert.Equal("CC-BY-4.0", package.GetProperty("licenses")[0].GetProperty("name").GetString());

        // The site-wide table holds every study's rows; the formula is escaped, as the contract says.
        var table = built.Text("evidence.csv");
        Assert.Contains("\nalpha,d1,", table);
        Assert.Contains("\nbeta,d1,", table);
        Assert.Contains("'=HYPERLINK(1)", table);
        Assert.DoesNotContain(",=HYPERLINK", table);

        // The Table Schema check catches a CSV that does not fit.
        var schema = package.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "alpha-evidence").GetProperty("schema");
        var broken = built.Text("studies/alpha/evidence.csv").Replace(",2025-02-09,", ",9 Feb 2025,").Replace(",open,", ",shut,");
        var found = EvidenceChecks.AgainstTableSchema(broken, schema);
        Assert.Contains(found, p => p.Contains("'responded' = '9 Feb 2025' is not a valid date"));
        Assert.Contains(found, p => p.Contains("'status' = 'shut'"));
    }

    [Fact]
    public void Without_a_data_licence_the_data_says_none_was_given_and_the_build_warns()
    {
        using var temp = Involved(licence: "");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Contains(site.Result.Warnings, w => w.Path == "site.yml" && w.Message.Contains("no 'data_licence'"));
        var root = JsonDocument.Parse(site.Text("studies/alpha/evidence.json")).RootElement;
        Assert.Equal("NOASSERTION", root.GetProperty("license").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("license_url").ValueKind);
        var package = JsonDocument.Parse(site.Text("datapackage.json")).RootElement;
        Assert.False(package.TryGetProperty("licenses", out _));
        Assert.Contains("No licence was given", package.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("CC BY 4.0", "Did you mean 'CC-BY-4.0'?")]
    [InlineData("Creative Commons Attribution", "not an SPDX licence identifier")]
    public void A_licence_that_is_not_an_spdx_id_is_an_error_where_it_was_written(string licence, string message)
    {
        using var temp = Involved(licence: $"data_licence: {licence}");
        var site = temp.Build();
        Assert.False(site.Result.Succeeded);
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("site.yml", 4, 15), (error.Path, error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_licence_id_in_another_case_is_written_as_spdx_spells_it()
    {
        using var temp = Involved(licence: "data_licence: cc0-1.0");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Contains("\"license\": \"CC0-1.0\"", site.Text("studies/beta/evidence.json"));
    }
}
