using System.Text;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Tests.Support;
using ImpactSite.Validate;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;

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
        { "assets/notes.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Withheld.ToUpperInvariant())).ToArray() },
    };

    /// <summary>Files that claim a format but cannot be read as it: they may hold anything, so they are not published.</summary>
    public static TheoryData<string, byte[]> BrokenBinaries => new()
    {
        { "assets/photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes($"prVt{Withheld}"), 0, 1, 2] },
        { "assets/photo.jpg", [0xFF, 0xD8, 0xFF, .. Encoding.Unicode.GetBytes(Withheld.ToUpperInvariant()), 0xFF, 0xD9] },
        { "assets/report.pdf", [.. Encoding.ASCII.GetBytes("%PDF-1.7\n/Author ("), .. Encoding.BigEndianUnicode.GetBytes(Withheld), .. ")"u8.ToArray()] },
        { "assets/data.bin", [0, 1, 2, 3, .. Encoding.ASCII.GetBytes(Withheld), 0, 0] },
    };

    [Theory]
    [MemberData(nameof(BrokenBinaries))]
    public void A_file_the_guard_cannot_read_is_not_published_and_its_readable_twin_is(string path, byte[] content)
    {
        var error = Assert.Single(Scan(path, content));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains($"/{path} cannot be published", error.Message);
        Assert.DoesNotContain(Withheld, error.Message);
        Assert.Empty(Scan("assets/notes.txt", Encoding.UTF8.GetBytes("Minutes: Kite chaired the meeting.")));
    }

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

    /// <summary>A made-up name from syllables, so hundreds of people have names of every length and letter.</summary>
    static string Invented(int seed, int syllables)
    {
        string[] parts = ["ka", "zu", "mel", "ro", "vish", "an", "te", "quor", "li", "bex", "dra", "ny", "sto", "ew", "fi", "gan"];
        var name = new StringBuilder();
        for (var i = 0; i < syllables; i++) name.Append(parts[(seed / (i == 0 ? 1 : i * 16) + i * 7) % parts.Length]);
        return char.ToUpperInvariant(name[0]) + name.ToString(1, name.Length - 1);
    }

    [Fact]
    public void Among_hundreds_of_people_every_withheld_family_name_is_found_in_any_case_and_credited_names_pass()
    {
        // The guard skips most words of a page by cheap tests before looking them up; none may skip a name's word.
        var people = Enumerable.Range(0, 400).Select(i => new Person
        {
            Id = $"p{i}", ChosenCredit = i % 2 == 0 ? CreditKind.Role : CreditKind.Name, Role = "Panel member",
            Name = $"{Invented(i, 2)} {Invented(i * 31 + 5, 2 + i % 3)}{i}", At = new("people.yml", i + 1, 3),
        }).ToList();
        var credited = string.Join(", ", people.Where(p => p.ChosenCredit == CreditKind.Name).Select(p => p.Name));
        var diagnostics = new DiagnosticBag();
        var guard = LeakGuard.For(people, "/nonexistent", diagnostics);
        Assert.True(guard.Inspect(OutputFile.FromText("thanks/index.html", $"<p>Thanks to {credited}.</p>", null)));
        foreach (var person in people.Where(p => p.ChosenCredit == CreditKind.Role))
        {
            var family = person.Name!.Split(' ')[^1];
            foreach (var written in new[] { family, family.ToUpperInvariant(), family.ToLowerInvariant() })
                Assert.False(guard.Inspect(OutputFile.FromText("p/index.html", $"<p class=\"note\">Minutes taken by {written} today.</p>", null)), written);
        }
    }

    [Fact]
    public void Public_credits_and_other_text_pass()
    {
        Assert.Empty(Scan("page/index.html", "<p>Thanks to Kite (Service user researcher) and Zebedee.</p>"u8.ToArray()));
    }

    [Fact]
    public void A_name_typed_into_content_fails_the_build_at_its_line_once_and_nothing_is_published()
    {
        using var temp = new TempSite();
        temp.Write("posts/thanks.md", $"---\ntitle: Thanks\ndate: 2025-01-01\nauthors: [ana]\n---\nWith help from\n{Withheld} and others.\n");
        var site = temp.Build();
        Assert.False(site.Result.Succeeded);
        Assert.Empty(site.Files);
        // The page, the blog list, the feed and the search index all hold it: one error, where it was typed.
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("posts/thanks.md", 7, 1), (error.Path, error.Line, error.Column));
        Assert.Contains("/blog/thanks/index.html", error.Message);
        Assert.Contains("/feed.xml", error.Message);
        Assert.Contains("/search/index.json", error.Message);
        Assert.DoesNotContain(Withheld, error.Message);

        temp.Write("posts/thanks.md", "---\ntitle: Thanks\ndate: 2025-01-01\nauthors: [ana]\n---\nWith help from\n@kite and others.\n");
        var fixedSite = temp.Build();
        Assert.True(fixedSite.Result.Succeeded, fixedSite.Errors);
        Assert.Contains("Kite", fixedSite.Page("/blog/thanks/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void A_name_in_a_decision_field_is_reported_where_it_was_typed_naming_the_evidence_files()
    {
        using var temp = new TempSite();
        temp.Study("alpha").Decision("alpha", "d1", "2025-01-01", "status: open\ndecided_by: Wilhelmina Withdrawnperson");
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("studies/alpha/decisions/d1.md", 6, 13), (error.Path, error.Line, error.Column));
        Assert.Contains("'gone'", error.Message);
        Assert.Contains("/studies/alpha/decisions/d1/index.html", error.Message);
    }

    [Fact]
    public void A_name_in_a_private_picture_chunk_is_removed_with_the_chunk_and_the_picture_is_published()
    {
        using var temp = new TempSite();
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");
        var chunk = Encoding.ASCII.GetBytes("prVt" + Withheld);
        temp.WriteBytes("assets/images/p.png", [.. png[..^12], 0, 0, 0, (byte)(chunk.Length - 4), .. chunk, 0, 0, 0, 0, .. png[^12..]]);
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var published = site.Files["assets/images/p.png"].Content;
        Assert.Equal(png, published);
        Assert.DoesNotContain("Withheldname", Encoding.ASCII.GetString(published));
    }
}
