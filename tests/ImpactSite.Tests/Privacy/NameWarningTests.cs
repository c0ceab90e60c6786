using ImpactSite.Cli;
using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Privacy;

/// <summary>'check' warns about names the build cannot judge: a withheld person's given name alone, and a title with a
/// capitalised name that matches nobody in people.yml. The sample site gets neither.</summary>
public sealed class NameWarningTests
{
    static string Check(string input)
    {
        var stderr = new StringWriter();
        CheckCommand.Run(new CommonOptions.Values(input, Repo.Theme, ""), new StringWriter(), stderr);
        return stderr.ToString();
    }

    [Fact]
    public void A_withheld_given_name_alone_and_an_unknown_titled_name_are_warnings_at_their_lines()
    {
        using var temp = new TempSite();
        temp.Write("posts/p.md", "---\ntitle: Notes\ndate: 2025-01-01\nauthors: [ana]\n---\nZebedee said the forms were long.\n\nDr Smithson agreed, and so did Dr Ana Testperson.\n");
        var output = Check(temp.Input);
        Assert.Contains("posts/p.md:6:1: warning: this is the given name of 'kite'", output);
        Assert.Contains("posts/p.md:8:1: warning: 'Dr Smithson' looks like a person's name", output);
        Assert.DoesNotContain("Testperson' looks like", output); // Ana is in people.yml
        Assert.DoesNotContain("Withheldname", output);
    }

    [Fact]
    public void The_sample_site_gets_no_name_warnings()
    {
        var output = Check(Repo.Input);
        Assert.DoesNotContain("given name of", output);
        Assert.DoesNotContain("looks like a person's name", output);
        Assert.Contains("stores their name", output); // the consent warnings are still there
    }
}
