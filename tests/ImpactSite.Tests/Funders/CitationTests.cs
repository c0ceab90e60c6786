using System.Text.Json;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Funders;

/// <summary>"Cite this" as a funder uses it: the same citation until the content changes, and metadata tools can read.</summary>
public sealed class CitationTests
{
    static TempSite Cited()
    {
        var temp = new TempSite();
        temp.Write("site.yml", "title: T\nbase_url: https://impact.test.example/\norganisation: Test & Research Unit\ndata_licence: CC-BY-4.0\n");
        temp.Study("alpha", "doi: doi:10.5281/zenodo.7654321\ntags: [falls]")
            .Decision("alpha", "d1", "2026-10-01", "status: adopted\nwe_did: Done.\nresponded: 2026-11-02");
        return temp;
    }

    [Fact]
    public void A_citation_stays_the_same_from_build_to_build_when_nothing_changed()
    {
        using var temp = Cited();
        var monday = temp.Build(new DateOnly(2026, 11, 23));
        var month = temp.Build(new DateOnly(2026, 12, 23));
        Assert.True(month.Result.Succeeded, month.Errors);
        foreach (var file in new[] { "studies/alpha/cite.ris", "studies/alpha/cite.bib", "studies/alpha/cite.json" })
            Assert.Equal(monday.Files[file].Content, month.Files[file].Content);
        foreach (var page in new[] { "/studies/alpha/", "/studies/alpha/decisions/d1/" })
        {
            var text = month.Page(page).QuerySelector(".cite__text")!.TextContent;
            Assert.Equal(monday.Page(page).QuerySelector(".cite__text")!.TextContent, text);
            Assert.DoesNotContain("December", text); // no build date
            Assert.Contains("(2026)", text);
        }
        Assert.Equal("Test & Research Unit (2026). Study alpha [Data set]. T. https://doi.org/10.5281/zenodo.7654321",
            month.Page("/studies/alpha/").QuerySelector(".cite__text")!.TextContent);
    }

    [Fact]
    public void A_study_page_carries_scholar_meta_tags_dataset_json_ld_and_reference_manager_files()
    {
        using var temp = Cited();
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var page = site.Page("/studies/alpha/");
        string Meta(string name) => page.QuerySelector($"meta[name='{name}']")!.GetAttribute("content")!;
        Assert.Equal("Study alpha", Meta("citation_title"));
        Assert.Equal("Test & Research Unit", Meta("citation_author"));
        Assert.Equal("2026/11/02", Meta("citation_publication_date")); // the study's newest change: d1's response
        Assert.Equal("10.5281/zenodo.7654321", Meta("citation_doi"));
        Assert.Equal("falls", Meta("citation_keywords"));

        var script = page.QuerySelector("script[type='application/ld+json']")!;
        Assert.DoesNotContain("&", script.TextContent); // escaped, so no text can close the script element
        var ld = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal("Dataset", ld.GetProperty("@type").GetString());
        Assert.Equal("Test & Research Unit", ld.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal("https://doi.org/10.5281/zenodo.7654321", ld.GetProperty("identifier").GetString());
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", ld.GetProperty("license").GetString());
        Assert.Equal("https://impact.test.example/studies/alpha/evidence.json", ld.GetProperty("distribution")[1].GetProperty("contentUrl").GetString());

        Assert.NotNull(page.QuerySelector(".cite a[href='/studies/alpha/cite.bib']"));
        var bib = site.Text("studies/alpha/cite.bib");
        Assert.Contains("author = {{Test \\& Research Unit}}", bib);
        Assert.StartsWith("@misc{alpha,", bib);
        Assert.Contains("TY  - DATA\r\n", site.Text("studies/alpha/cite.ris"));
        // A decision page is cited as a page, with no data set metadata.
        var decision = site.Page("/studies/alpha/decisions/d1/");
        Assert.Null(decision.QuerySelector("meta[name='citation_title']"));
        Assert.Equal("Test & Research Unit (2026). Decision d1. T. https://impact.test.example/studies/alpha/decisions/d1/",
            decision.QuerySelector(".cite__text")!.TextContent);
    }
}
