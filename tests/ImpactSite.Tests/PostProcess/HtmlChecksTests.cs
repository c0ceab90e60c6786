using ImpactSite.Build;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.PostProcess;

/// <summary>The checks every built page passes before it is published: structure, and links to files the build makes.</summary>
public sealed class HtmlChecksTests : IDisposable
{
    readonly TempSite temp = new();

    public HtmlChecksTests() => temp.Study("alpha");

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_link_in_the_content_to_a_page_the_site_does_not_publish_is_reported_at_its_line()
    {
        temp.Write("pages/about.md", """
            ---
            title: About
            ---
            Our studies are listed on one page.

            See <a href="/studies/nowhere/">the missing study</a> and <a href="/studies/alpha/">the real one</a>.
            """);
        var result = temp.Build().Result;
        var error = Assert.Single(result.Errors);
        Assert.Equal("input/pages/about.md:6:14: error: the link /studies/nowhere/ goes to a page this site does not publish: correct or remove it.",
            error.Format("input"));
        Assert.Empty(result.Files);
    }

    [Fact]
    public void A_theme_that_breaks_page_structure_or_links_is_reported_once_per_problem_and_publishes_nothing()
    {
        var theme = Path.Combine(temp.Root, "theme");
        Folder.Copy(Repo.Theme, theme);
        var basePath = Path.Combine(theme, "layouts", "base.liquid");
        var layout = File.ReadAllText(basePath);
        File.WriteAllText(basePath, layout.Replace("<html lang=\"{{ site.language }}\">", "<html>")
            .Replace("<main id=\"main\"", "<a href=\"/theme/missing.css\">x</a><main id=\"main\""));
        var result = SiteBuilder.Build(new BuildRequest(temp.Input, theme, new DateOnly(2026, 11, 23)));
        var messages = result.Errors.Select(e => e.Message).ToList();
        Assert.Single(messages, m => m.Contains("the theme links to /theme/missing.css, which this build does not publish"));
        Assert.Contains(messages, m => m == "the theme produced a page that has no lang attribute on <html>.");
        Assert.Empty(result.Files);
    }
}
