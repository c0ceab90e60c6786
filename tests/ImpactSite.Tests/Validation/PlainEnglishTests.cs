using ImpactSite.Model;
using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Tests.Validation;

public sealed class PlainEnglishTests
{
    static IReadOnlyList<Diagnostic> Check(string text)
    {
        var prose = new Prose(text, new("studies/a/index.md", 3, 10), inline: true);
        prose.Rendered(text, text, []);
        return PlainEnglish.Check(prose, "the study summary").ToList();
    }

    [Fact]
    public void Plain_short_sentences_pass() =>
        Assert.Empty(Check("We asked people what helps after a crisis. They told us. We changed the plan. Now a peer worker calls each week. You can stop at any time."));

    [Fact]
    public void A_long_sentence_is_named_by_its_opening_words_at_the_texts_location()
    {
        var warnings = Check("We will invite people who have recently left a crisis service to meet a peer worker every week for twelve weeks and then we will ask them how they are doing after three months.");
        var warning = Assert.Single(warnings, w => w.Message.Contains("sentence of"));
        Assert.Equal((Severity.Warning, 3, 10), (warning.Severity, warning.Line, warning.Column));
        Assert.Contains("a sentence of 34 words (\"We will invite people who have recently left …\")", warning.Message);
    }

    [Fact]
    public void Dense_text_is_flagged_with_its_grade()
    {
        var warnings = Check("Multidisciplinary stakeholder engagement methodologies facilitated operationalisation. Participatory governance infrastructure necessitated comprehensive institutional reconfiguration. Organisational accountability mechanisms incentivised collaborative implementation. Longitudinal evaluation methodologies demonstrated considerable heterogeneity. Interdisciplinary communication necessitated additional resourcing.");
        Assert.Contains(warnings, w => w.Message.Contains("reads at about school grade") && w.Message.Contains("aim for grade 9 or below"));
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("table", 2)]
    [InlineData("involvement", 4)]
    [InlineData("make", 1)]
    public void Syllables_are_counted_well_enough(string word, int expected) => Assert.Equal(expected, PlainEnglish.Syllables(word));
}
