using ImpactSite.Build;
using ImpactSite.Render.Templates;
using ImpactSite.Tests.Support;
using ImpactSite.Validate;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Theme;

/// <summary>
/// Layouts are held to the views they render: a slip in a layout is a located error in the theme file, and the site is
/// not published, where Liquid alone would print nothing. Each case edits one line of the real theme and checks the
/// message and where it points; the real theme itself builds and shows what the edited one would have blanked.
/// </summary>
public sealed class StrictLayoutTests : IDisposable
{
    readonly TempSite temp = new();
    readonly string theme;

    public StrictLayoutTests()
    {
        theme = Path.Combine(temp.Root, "theme");
        Folder.Copy(Repo.Theme, theme);
        temp.Study().Meeting("alpha", "first", "2026-01-10", "attendees: [ana, kite]").Decision("alpha", "letters", "2026-01-10", """
            raised_at: first
            raised_by: [kite]
            status: adopted
            we_did: We rewrote the letter.
            responded: 2026-02-01
            """);
    }

    public void Dispose() => temp.Dispose();

    /// <summary>Replaces the one occurrence of 'from' in a theme file, and returns the 1-based line and column it starts at.</summary>
    (int Line, int Column) Edit(string file, string from, string to)
    {
        var path = Path.Combine(theme, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' should occur once in {file}");
        File.WriteAllText(path, text[..at] + to + text[(at + from.Length)..]);
        var line = text[..at].Count(c => c == '\n') + 1;
        return (line, at - text.LastIndexOf('\n', Math.Max(0, at - 1)));
    }

    BuildResult Build() => SiteBuilder.Build(new BuildRequest(temp.Input, theme, new DateOnly(2026, 11, 23)));

    static Diagnostic OnlyError(BuildResult result)
    {
        Assert.Empty(result.Files);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void The_real_theme_builds_and_shows_every_field_the_edits_below_would_blank()
    {
        var site = temp.Build();
        Assert.Empty(site.Result.Errors);
        var page = site.Page("/studies/alpha/decisions/letters/");
        Assert.Contains("A suggestion.", page.QuerySelector(".you-said")!.TextContent);
        Assert.Contains("Raised by Kite (Service user researcher)", page.QuerySelector(".said-did-block .meta")!.TextContent);
    }

    [Fact]
    public void A_misspelt_field_is_a_located_error_with_a_did_you_mean()
    {
        var (line, column) = Edit("layouts/decision.liquid", "decision.you_said.html", "decision.yuo_said.html");
        var error = OnlyError(Build());
        Assert.Equal((Path.Combine(theme, "layouts/decision.liquid"), line, column), (error.Path, error.Line, error.Column));
        Assert.StartsWith("'decision.yuo_said': a decision has no field 'yuo_said'. Did you mean 'you_said'?", error.Message);
    }

    [Fact]
    public void A_misspelt_field_inside_a_partial_points_at_the_partial_and_names_the_layout_that_renders_it()
    {
        var (line, column) = Edit("partials/decision-card.liquid", "decision.we_did.html", "decision.we_didd.html");
        var error = OnlyError(Build()) ;
        Assert.Equal((Path.Combine(theme, "partials/decision-card.liquid"), line, column), (error.Path, error.Line, error.Column));
        Assert.Contains("Did you mean 'we_did'?", error.Message);
        Assert.Contains("(rendered from ", error.Message);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("pseudonym")]
    [InlineData("id")]
    public void A_layout_reaching_for_a_persons_stored_name_is_an_error_and_the_credit_is_what_it_can_print(string field)
    {
        var (line, _) = Edit("layouts/meeting.liquid", "{{ meeting.chair.credit | capitalize_first }}", "{% for person in meeting.attendees %}{{ person." + field + " }}{% endfor %}");
        var error = OnlyError(Build());
        Assert.Equal((Path.Combine(theme, "layouts/meeting.liquid"), line), (error.Path, error.Line));
        Assert.Contains($"'person.{field}': a layout never sees a person's stored {field}", error.Message);
        Assert.Contains("use 'person.credit'", error.Message);
    }

    [Fact]
    public void Even_unchecked_a_layout_gets_people_only_as_their_credit()
    {
        // The renderer's own model, without the checker: a person reaches a template as a credit view.
        var output = Render.Templates.Theme.RenderSnippet("{% for p in people %}[{{ p.name }}{{ p.credit }}]{% endfor %}", TemplateFilters.SetExampleValues);
        Assert.Equal("[Robin Example (Panel member)][a LEAP member]", output);
        Assert.DoesNotContain("Withheld Example", output);
    }

    [Fact]
    public void Printing_plain_text_raw_is_an_error_because_it_would_not_be_escaped()
    {
        var (line, column) = Edit("layouts/decision.liquid", "<h1>{{ decision.title }}</h1>", "<h1>{{ decision.title | raw }}</h1>");
        var error = OnlyError(Build());
        Assert.Equal((line, column + "<h1>{{ decision.title | ".Length), (error.Line, error.Column));
        Assert.StartsWith("'decision.title | raw' prints text without escaping", error.Message);
    }

    [Fact]
    public void Sanitised_html_printed_without_raw_is_an_error_because_readers_would_see_its_tags()
    {
        Edit("layouts/decision.liquid", "{{ decision.you_said.html | raw }}", "{{ decision.you_said.html }}");
        Assert.Contains("is HTML and would show its tags as text", OnlyError(Build()).Message);
    }

    [Fact]
    public void A_list_tested_as_if_empty_were_false_is_an_error()
    {
        Edit("layouts/decision.liquid", "{%- if decision.updates.size > 0 %}", "{%- if decision.updates %}");
        Assert.Contains("'decision.updates' is a list, and in Liquid a list is always true, even when empty", OnlyError(Build()).Message);
    }

    [Fact]
    public void An_unknown_filter_is_an_error_with_a_did_you_mean()
    {
        Edit("layouts/decision.liquid", "{{ decision.raised | long_date }}</time>{% if decision.raised_at %},", "{{ decision.raised | long_dat }}</time>{% if decision.raised_at %},");
        Assert.StartsWith("there is no filter 'long_dat'. Did you mean 'long_date'?", OnlyError(Build()).Message);
    }

    [Fact]
    public void A_partial_not_given_what_it_reads_is_an_error_at_the_partial()
    {
        Edit("layouts/decision.liquid", "{% render 'cite', cite: page.cite %}", "{% render 'cite' %}");
        Edit("partials/cite.liquid", "{{ cite.text }}", "{{ cite.text }}");
        var error = OnlyError(Build());
        Assert.EndsWith("partials/cite.liquid", error.Path);
        Assert.StartsWith("'cite' is not given to this partial by the layout that renders it", error.Message);
    }

    [Fact]
    public void A_missing_partial_and_a_missing_layout_are_errors_naming_the_file_to_add()
    {
        Edit("layouts/decision.liquid", "{% render 'cite', cite: page.cite %}", "{% render 'cites', cite: page.cite %}");
        File.Delete(Path.Combine(theme, "layouts", "meetings.liquid"));
        var messages = Build().Errors.Select(e => e.Message).ToList();
        Assert.Contains("there is no partial 'cites': add partials/cites.liquid, or fix the name. Did you mean 'cite'?", messages);
        Assert.Contains("the theme has no layout for 'meetings' pages: add layouts/meetings.liquid.", messages);
    }

    [Fact]
    public void A_template_that_does_not_parse_is_located()
    {
        Edit("layouts/page.liquid", "{% render 'content-note', note: page.page.content_note %}", "{% if page.title %}\n{% render 'content-note', note: page.page.content_note %}");
        var error = OnlyError(Build());
        Assert.EndsWith("layouts/page.liquid", error.Path);
        Assert.StartsWith("the template does not parse:", error.Message);
    }

    [Fact]
    public void Every_filter_renders_its_documented_example()
    {
        foreach (var filter in TemplateFilters.All)
            Assert.Equal(filter.ExampleOutput, Render.Templates.Theme.RenderSnippet(filter.Example, TemplateFilters.SetExampleValues));
    }

    [Fact]
    public void Every_filter_is_documented_in_the_theme_guide_with_its_example()
    {
        var guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "theme.md")).Replace("\\|", "|"); // | in a table cell
        foreach (var filter in TemplateFilters.All)
        {
            Assert.Contains($"`{filter.Name}`", guide);
            Assert.Contains(filter.Example, guide);
            Assert.Contains(filter.ExampleOutput, guide);
        }
    }
}
