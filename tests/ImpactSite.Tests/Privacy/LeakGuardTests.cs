using System.Text;
using ImpactSite.Model;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Tests.Support;
using ImpactSite.Validate;

namespace ImpactSite.Tests.Privacy;

/// <summary>A withheld name in any output file fails the build, naming the output and the source.</summary>
public sealed class LeakGuardTests
{
    const string Withheld = "Zebedee Withheldname";

    static readonly Person Kite = new()
    {
        Id = "kite", ChosenCredit = CreditKind.Pseudonym, Pseudonym = "Kite", Name = Withheld, At = new("people.yml", 5, 3),
    };

    static IReadOnlyList<Diagnostic> Scan(string path, byte[] content)
    {
        var diagnostics = new DiagnosticBag();
        LeakGuard.For([Kite], "/nonexistent", diagnostics).Run([new OutputFile(path, content, null)]);
        return diagnostics.Sorted();
    }

    public static TheoryData<string, byte[]> PlantedInEachFormat => new()
    {
        { "page/index.html", Encoding.UTF8.GetBytes($"<p>Thanks to {Withheld}</p>") },
        { "page/index.html", Encoding.UTF8.GetBytes("<p>Thanks to Zebedee&#32;Withheldname</p>") },
        { "page/index.html", Encoding.UTF8.GetBytes("<!-- author: Zebedee\n   WITHHELDNAME -->") },
        { "page/index.html", Encoding.UTF8.GetBytes("<meta name=\"author\" content=\"Zebedee Withheldname\">") },
        { "feed.xml", Encoding.UTF8.GetBytes($"<feed><author><name>{Withheld}</name></author></feed>") },
        { "sitemap.xml", Encoding.UTF8.GetBytes("<urlset><loc>https://x.example/Zebedee&#x20;Withheldname</loc></urlset>") },
        { "page/index.html", Encoding.UTF8.GetBytes("<p>Fish &amp; chips &lt;3 with Zebedee&nbsp;Withheldname &quot;&#39;</p>") },
        { "page/index.html", Encoding.UTF8.GetBytes("<p>&lt;b&gt; &amp; Zeb&#101;dee Withheldname</p>") },
        { "feed.xml", Encoding.UTF8.GetBytes("<content type=\"html\">&lt;p&gt;Zebedee&amp;#32;Withheldname&amp;amp;&lt;/p&gt;</content>") },
        { "feed.xml", Encoding.UTF8.GetBytes("<content type=\"html\">Zebedee&amp;nbsp;Withheldname</content>") },
        { "studies/a/evidence.json", Encoding.UTF8.GetBytes("{\"raised_by\":[\"Zebedee\\u0020Withheldname\"]}") },
        { "studies/a/evidence.csv", Encoding.UTF8.GetBytes($"slug,raised_by\r\nd1,\"{Withheld}; Kite\"\r\n") },
        { "search/index.json", Encoding.UTF8.GetBytes($"[{{\"text\":\"{Withheld}\"}}]") },
        { "theme/js/app.js", Encoding.UTF8.GetBytes($"const who = '{Withheld}';") },
        { "_redirects", Encoding.UTF8.GetBytes($"/old /new 301 # {Withheld}") },
        { "assets/photo.png", [0x89, 0x50, 0x4E, 0x47, .. Encoding.UTF8.GetBytes($"prVt{Withheld}"), 0, 1, 2] },
        { "assets/photo.jpg", [0xFF, 0xD8, .. Encoding.Unicode.GetBytes(Withheld.ToUpperInvariant()), 0xFF, 0xD9] },
        { "assets/report.pdf", [.. Encoding.ASCII.GetBytes("%PDF-1.7\n/Author ("), .. Encoding.BigEndianUnicode.GetBytes(Withheld), .. ")"u8.ToArray()] },
    };

    [Theory]
    [MemberData(nameof(PlantedInEachFormat))]
    public void A_withheld_name_in_any_output_format_is_an_error(string path, byte[] content)
    {
        var error = Assert.Single(Scan(path, content));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains($"/{path}", error.Message);
        Assert.Contains("kite", error.Message);
        Assert.DoesNotContain(Withheld, error.Message);
    }

    [Fact]
    public void Short_names_match_as_whole_words_only()
    {
        var ann = new Person { Id = "ann", ChosenCredit = CreditKind.Role, Role = "LEAP member", Name = "Ann", At = new("people.yml", 1, 3) };
        IReadOnlyList<Diagnostic> Scan(string text)
        {
            var diagnostics = new DiagnosticBag();
            LeakGuard.For([ann], "/nonexistent", diagnostics).Run([new OutputFile("p/index.html", Encoding.UTF8.GetBytes(text), null)]);
            return diagnostics.Sorted();
        }
        Assert.Empty(Scan("<p>Our annual report, planned with Joanna.</p>"));
        Assert.Single(Scan("<p>Thanks, Ann!</p>"));
    }

    [Fact]
    public void Public_credits_and_other_text_pass()
    {
        Assert.Empty(Scan("page/index.html", "<p>Thanks to Kite (Service user researcher) and Zebedee.</p>"u8.ToArray()));
    }

    [Fact]
    public void A_name_typed_into_content_fails_the_build_at_its_line_and_nothing_is_published()
    {
        using var temp = new TempSite();
        temp.Write("posts/thanks.md", $"---\ntitle: Thanks\ndate: 2025-01-01\nauthors: [ana]\n---\nWith help from\n{Withheld} and others.\n");
        var site = temp.Build();
        Assert.False(site.Result.Succeeded);
        Assert.Empty(site.Files);
        Assert.Contains(site.Result.Errors, e => e is { Path: "posts/thanks.md", Line: 7, Column: 1 } && e.Message.Contains("/blog/thanks/index.html"));
        Assert.Contains(site.Result.Errors, e => e.Message.Contains("/feed.xml"));
        Assert.Contains(site.Result.Errors, e => e.Message.Contains("/search/index.json"));
    }

    [Fact]
    public void A_name_in_a_decision_field_is_caught_in_the_evidence_files_too()
    {
        using var temp = new TempSite();
        temp.Study("alpha").Decision("alpha", "d1", "2025-01-01", "status: open\ndecided_by: Wilhelmina Withdrawnperson");
        var site = temp.Build();
        var messages = site.Result.Errors.Select(e => e.Message).ToList();
        Assert.Contains(messages, m => m.Contains("/studies/alpha/evidence.json") && m.Contains("'gone'"));
        Assert.Contains(messages, m => m.Contains("/studies/alpha/evidence.csv"));
        Assert.Contains(messages, m => m.Contains("/studies/alpha/decisions/d1/index.html"));
    }

    [Fact]
    public void A_name_hidden_in_an_image_fails_the_build()
    {
        using var temp = new TempSite();
        // A private PNG chunk is not metadata the stripper knows, so only the leak guard stands between it and readers.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");
        var chunk = Encoding.ASCII.GetBytes("prVt" + Withheld);
        temp.WriteBytes("assets/images/p.png", [.. png[..^12], 0, 0, 0, (byte)(chunk.Length - 4), .. chunk, 0, 0, 0, 0, .. png[^12..]]);
        var site = temp.Build();
        Assert.Contains(site.Result.Errors, e => e.Path == "assets/images/p.png" && e.Message.Contains("/assets/images/p.png"));
    }
}
