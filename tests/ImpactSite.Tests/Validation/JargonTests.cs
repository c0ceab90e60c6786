using ImpactSite.Cli;
using ImpactSite.Tests.Support;
using ImpactSite.Validate;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Validation;

/// <summary>Unexplained abbreviations, research jargon and alt text that says nothing, as 'check' reports them.</summary>
public sealed class JargonTests
{
    static readonly IReadOnlySet<string> Names = new HashSet<string> { "BRIDGE", "LEAP" };

    /// <summary>A site with the sample's drawing under assets/ and an about page with the given text.</summary>
    static TempSite PageWithPicture(string page)
    {
        var temp = new TempSite().Study();
        temp.WriteBytes("assets/images/bridge-drawing.png", File.ReadAllBytes(Path.Combine(Repo.Input, "assets/images/bridge-drawing.png")));
        return temp.Write("pages/about.md", page);
    }

    static List<Jargon.Finding> Check(string text) => Jargon.Check(text, "'you_said'", Names).ToList();

    [Fact]
    public void A_short_string_of_abbreviations_is_one_warning_spelling_out_the_ones_the_glossary_knows()
    {
        var finding = Assert.Single(Check("Update the PIS, ICF, CRF, DMEC, TSC."));
        Assert.Equal("PIS", finding.Term);
        Assert.Contains("readers may not know: PIS (participant information sheet), ICF (informed consent form), CRF (case report form), DMEC (data monitoring and ethics committee) and TSC (trial steering committee).", finding.Message);
        Assert.Contains("such as \"participant information sheet (PIS)\"", finding.Message);
    }

    [Theory]
    [InlineData("Shorten the participant information sheet (PIS). The PIS is too long.")]
    [InlineData("The PIS (participant information sheet) is too long.")]
    [InlineData("BRIDGE told LEAP North members about the NHS and their GP.")]
    [InlineData("We will NOT share your name.")]
    [InlineData("Explain \"randomised\" the first time it is used.")]
    public void Explained_everyday_or_named_terms_pass(string text) => Assert.Empty(Check(text));

    [Fact]
    public void An_unknown_abbreviation_is_still_named_and_jargon_gets_a_plain_alternative()
    {
        var findings = Check("The XQZ said the cohort was randomised.");
        Assert.Contains(findings, f => f.Message.Contains("an abbreviation readers may not know: XQZ. Write it out in full"));
        Assert.Contains(findings, f => f.Message.Contains("research jargon: 'cohort' (try 'group') and 'randomised' (try 'chosen by chance')"));
    }

    [Fact]
    public void Check_reports_jargon_at_the_line_of_the_term_in_a_multi_line_value()
    {
        using var temp = new TempSite().Study();
        temp.Write("studies/alpha/decisions/d1.md", """
            ---
            title: Shorter forms
            raised: 2025-01-10
            you_said: >-
              The forms are long.
              Please shorten the PIS and ICF.
            status: open
            ---
            """);
        var stderr = new StringWriter();
        var code = CheckCommand.Run(new CommonOptions.Values(temp.Input, Repo.Theme, "output"), new StringWriter(), stderr);
        Assert.Equal(0, code);
        Assert.Contains($"{temp.Input}/studies/alpha/decisions/d1.md:6:22: warning: 'you_said' uses abbreviations readers may not know: PIS (participant information sheet) and ICF (informed consent form).", stderr.ToString());
    }

    [Theory]
    [InlineData("image")]
    [InlineData("Drawing")]
    [InlineData("photo.")]
    [InlineData("IMG_2041.jpg")]
    [InlineData("IMG_2041")]
    [InlineData("bridge-drawing")]
    public void Alt_text_that_says_nothing_is_a_warning_at_the_image(string alt)
    {
        using var temp = PageWithPicture($"---\ntitle: About\n---\nOur work.\n\n![{alt}](../assets/images/bridge-drawing.png)\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var warning = Assert.Single(site.Result.Warnings, w => w.Message.Contains("does not say what the picture shows"));
        Assert.Equal(("pages/about.md", 6, 1), (warning.Path, warning.Line, warning.Column));
        Assert.Contains("{.decorative}", warning.Message);
    }

    [Theory]
    [InlineData("Our drawing: <img src=\"/assets/images/bridge-drawing.png\" alt=\"IMG_2041.jpg\">", 6)]
    [InlineData("<p>\n<img alt='image' src='/assets/images/bridge-drawing.png'>\n</p>", 6)]
    public void Alt_text_that_says_nothing_in_raw_html_is_a_warning_too(string html, int line)
    {
        using var temp = PageWithPicture($"---\ntitle: About\n---\nOur work.\n\n{html}\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        var warning = Assert.Single(site.Result.Warnings, w => w.Message.Contains("does not say what the picture shows"));
        Assert.Equal(("pages/about.md", line), (warning.Path, warning.Line));
        Assert.NotNull(site.Page("/about/").QuerySelector("main img"));
    }

    [Fact]
    public void Alt_text_that_describes_the_picture_passes()
    {
        using var temp = PageWithPicture("---\ntitle: About\n---\n![A drawing of two people on a bridge](../assets/images/bridge-drawing.png)\n");
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.DoesNotContain(site.Result.Warnings, w => w.Message.Contains("alt text"));
        Assert.Equal("A drawing of two people on a bridge", site.Page("/about/").QuerySelector("main img")!.GetAttribute("alt"));
    }

    [Fact]
    public void The_sample_site_has_no_jargon_or_alt_text_warnings()
    {
        var stderr = new StringWriter();
        CheckCommand.Run(new CommonOptions.Values(Repo.Input, Repo.Theme, "output"), new StringWriter(), stderr);
        Assert.DoesNotContain("jargon", stderr.ToString());
        Assert.DoesNotContain("abbreviation", stderr.ToString());
        Assert.DoesNotContain("alt text", stderr.ToString());
        Assert.Contains("0 errors", stderr.ToString());
    }
}
