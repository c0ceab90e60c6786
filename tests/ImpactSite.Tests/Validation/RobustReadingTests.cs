using System.Text;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;
using ImpactSite.Letters;

namespace ImpactSite.Tests.Validation;

public sealed class RobustReadingTests
{
    [Fact]
    public void Utf8_with_bom_and_crlf_line_endings_reads_like_any_file_and_keeps_line_numbers()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        var text = "---\r\ntitle: Crlf\r\nraised: 2025-01-10\r\nyou_said: S\r\nstatus: opne\r\n---\r\nBody\r\n";
        temp.WriteBytes("studies/alpha/decisions/d.md", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);
        var error = Assert.Single(temp.Build().Result.Errors);
        Assert.Equal((5, 9), (error.Line, error.Column));

        temp.WriteBytes("studies/alpha/decisions/d.md", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.Replace("opne", "open"))]);
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Equal("Crlf", site.Page("/studies/alpha/decisions/d/").QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void Unicode_names_are_credited_correctly()
    {
        using var temp = new TempSite();
        File.AppendAllText(Path.Combine(temp.Input, "people.yml"), "\n- id: zoe\n  credit: name\n  name: Zoë Ñandú-Łukasz 李\n  role: Carer representative\n");
        temp.Write("pages/thanks.md", "---\ntitle: Diolch — thank you\n---\nWith @zoe.\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Contains("Zoë Ñandú-Łukasz 李 (Carer representative)", site.Page("/thanks/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void Invalid_utf8_is_a_located_error()
    {
        using var temp = new TempSite();
        temp.WriteBytes("pages/bad.md", [.. "---\ntitle: Caf"u8.ToArray(), 0xE9, .. "\n---\n"u8.ToArray()]);
        Assert.Contains(temp.Build().Result.Errors, e => e.Path == "pages/bad.md" && e.Message.Contains("not valid UTF-8"));
    }

    [Fact]
    public void An_empty_input_folder_gets_a_helpful_message()
    {
        using var temp = new TempSite(withDefaults: false);
        var error = Assert.Single(temp.Build().Result.Errors);
        Assert.Contains("the input folder is empty", error.Message);
    }

    /// <summary>Long pages build; a file past the size limit (docs/content-guide.md) is one located error, quickly.</summary>
    [Fact]
    public void A_long_markdown_file_builds_and_a_five_megabyte_one_is_refused()
    {
        using var temp = new TempSite();
        string Minutes(int size)
        {
            var body = new StringBuilder("---\ntitle: Long minutes\n---\n");
            for (var i = 0; body.Length < size; i++)
                body.Append($"## Item {i}\n\nThe panel discussed item {i} with @ana and agreed to **follow up**. See [the note](#item-{i}).\n\n| a | b |\n|---|---|\n| {i} | x |\n\n");
            return body.ToString();
        }
        temp.Write("pages/long.md", Minutes(250_000));
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.True(site.Files["long/index.html"].Content.Length > 250_000);

        temp.Write("pages/long.md", Minutes(5_000_000));
        var error = Assert.Single(temp.Build().Result.Errors);
        Assert.Equal(("pages/long.md", 1, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("this file is 4883 KB; ImpactSite reads text files of up to 256 KB", error.Message);
    }

    [Fact]
    public void Thousands_of_files_build()
    {
        using var temp = new TempSite();
        temp.Study("alpha");
        for (var i = 0; i < 2500; i++)
            temp.Decision("alpha", $"d{i}", "2025-01-10", i % 2 == 0 ? "status: open" : "status: adopted\nwe_did: Done.\nresponded: 2025-02-01");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.True(site.Has("studies/alpha/decisions/d2499/index.html"));
        Assert.Contains("\"suggestions\": 2500", site.Text("studies/alpha/evidence.json"));
    }
}
