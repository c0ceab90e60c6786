using System.Text;
using ImpactSite.Tests.Support;
using static ImpactSite.Tests.Privacy.TextEncodings;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Addresses in the pages the build writes: a contributor's data: address never reaches a page (the renderer removes
/// links and pictures of any scheme but http, https, mailto and tel), and a host's xn-- labels are read as the browser
/// shows them, in pages and assets alike. Then the disguises around certificates and keys that are refused.
/// </summary>
public sealed class EncodedAddressTests
{
    const string Post = "---\ntitle: Thanks\ndate: 2025-01-01\nauthors: [ana]\n---\n";

    /// <summary>Markdown's links and pictures, and its HTML's, are removed from the page; the HTML's source still reaches
    /// the search index as text, where the guard reads what each address holds.</summary>
    [Fact]
    public void A_data_address_in_markdown_never_reaches_a_page_and_one_in_its_HTML_is_read_in_the_search_index()
    {
        static string Body(string name)
        {
            var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes($"Notes by {name}."));
            return Post + $"See [the notes](data:text/plain;base64,{b64}) and ![a badge](data:image/svg+xml;base64,{b64}).\n\n"
                + $"<p><a href=\"data:text/html;base64,{b64}\">more</a> <img src=\"data:image/svg+xml;base64,{b64}\" alt=\"\"></p>\n";
        }
        using var temp = new TempSite();
        temp.Write("posts/thanks.md", Body("Zebedee Withheldname"));
        var refused = temp.Build();
        // Each address is reported where it was written (the markdown ones too, which would leak if they were kept).
        Assert.Contains(refused.Result.Errors, e => (e.Path, e.Line) == ("posts/thanks.md", 8));
        Assert.All(refused.Result.Errors, e => Assert.True(e.Path == "posts/thanks.md" && e.Message.Contains("'kite'") && e.Message.Contains("/search/index.json"), e.Message));
        Assert.Empty(refused.Files);

        temp.Write("posts/thanks.md", Body("Kite"));
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Contains(site.Result.Warnings, w => w.Path == "posts/thanks.md" && w.Message.Contains("'data:'"));
        Assert.DoesNotContain("data:", site.Text("blog/thanks/index.html"));
        Assert.Contains("the notes", site.Page("/blog/thanks/").QuerySelector("main")!.TextContent);
    }

    [Fact]
    public void A_link_whose_host_spells_a_withheld_name_in_punycode_fails_the_build_where_it_was_typed()
    {
        var host = "xn--" + PunycodeLabel("zëbëdëë-withhëldnamë");
        Assert.DoesNotContain("withheldname", host);
        using var temp = new TempSite();
        temp.Write("posts/thanks.md", Post + $"Thanks to\n[our chair](https://{host}.example/).\n");
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("posts/thanks.md", 7), (error.Path, error.Line));
        Assert.Contains("'kite'", error.Message);
        Assert.Empty(site.Files);

        var safe = "xn--" + PunycodeLabel("kïtë");
        temp.Write("posts/thanks.md", Post + $"Thanks to\n[our chair](https://{safe}.example/).\n");
        var built = temp.Build();
        Assert.True(built.Result.Succeeded, built.Errors);
        Assert.Contains($"https://{safe}.example/", built.Text("blog/thanks/index.html"));
    }

    [Theory]
    [InlineData("zo-ija", "zoë")]
    [InlineData("mnchen-3ya", "münchen")]
    [InlineData("bcher-kva", "bücher")]
    [InlineData("zebedee-wthheldname-y2b", "zebedee-wïthheldname")]
    [InlineData("-> $1.00 <--", "-> $1.00 <-")]
    public void Punycode_labels_decode_as_RFC_3492_says_without_ICU(string encoded, string? decoded) =>
        Assert.Equal(decoded, ImpactSite.Privacy.Punycode.Decode(encoded));

    [Fact]
    public void The_test_encoder_IdnMapping_works_under_invariant_globalization() =>
        Assert.Equal("xn--bcher-kva", new System.Globalization.IdnMapping().GetAscii("bücher"));

    [Fact]
    public void A_binary_certificate_is_read_by_its_strings_and_refused_at_the_file_when_it_names_a_withheld_person()
    {
        static byte[] Der(string name) => Convert.FromBase64String(string.Concat(CertificatePem(name, new Random(1)).Split('\n').Where(l => !l.StartsWith("-----"))));
        using var refused = new TempSite();
        refused.WriteBytes("assets/files/site.cer", Der("Zebedee Withheldname"));
        var error = Assert.Single(refused.Build().Result.Errors);
        Assert.Equal(("assets/files/site.cer", 1), (error.Path, error.Line));
        Assert.Contains("'kite'", error.Message);

        TextEncodingTests.PublishedAsItIs("assets/files/site.cer", Der("Kite"));
    }

    [Fact]
    public void An_encrypted_OpenPGP_message_cannot_be_checked_and_is_refused_at_its_armour_naming_unchecked_files()
    {
        using var temp = new TempSite();
        temp.Write("assets/files/secret.asc", "For the chair:\n" + PgpArmour("PGP MESSAGE", [.. PgpPacket(1, new byte[40]), .. PgpPacket(18, new byte[60])]));
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("assets/files/secret.asc", 5), (error.Path, error.Line));
        Assert.Contains("encrypted OpenPGP data", error.Message);
        Assert.Contains("unchecked_files", error.Message);
        Assert.Empty(site.Files);
    }

    [Fact]
    public void UTF_16_text_without_a_byte_order_mark_is_refused_as_unreadable_not_published_unread()
    {
        using var temp = new TempSite();
        temp.WriteBytes("assets/files/notes.txt", Encoding.Unicode.GetBytes("Notes by Zebedee Withheldname.\n"));
        var error = Assert.Single(temp.Build().Result.Errors);
        Assert.Equal("assets/files/notes.txt", error.Path);
        Assert.Contains("unchecked_files", error.Message);
    }
}
