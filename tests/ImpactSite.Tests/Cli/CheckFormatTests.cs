using System.Text.Json;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Decisions;

namespace ImpactSite.Tests.Cli;

/// <summary>'check --format github' and '--format json': the same problems as the text report, as a GitHub Actions
/// workflow prints them on a pull request's changed lines, and as one JSON document for other tools.</summary>
public sealed class CheckFormatTests
{
    const string Decision = "studies/alpha/decisions/letters.md";

    static TempSite SiteWithAnUnexplainedRefusal() => new TempSite()
        .Write("studies/alpha/index.md", "---\ntitle: Alpha\nsummary: A study.\nstatus: active\n---\n")
        .Write(Decision, "---\ntitle: Letters, 100% plain\nraised: 2026-01-05\nyou_said: Shorter letters.\nstatus: not-adopted\nwe_did: We kept them.\nresponded: 2026-02-01\n---\n");

    [Fact]
    public void Github_format_prints_workflow_commands_with_repository_paths_lines_and_escaped_text()
    {
        using var site = SiteWithAnUnexplainedRefusal();
        var run = CliRunner.Invoke(site.Root, null, "check", "--input", "input", "--theme", Repo.Theme, "--format", "github");
        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.Stdout.Split('\n'), l => l.StartsWith("::error ", StringComparison.Ordinal));
        Assert.Equal($"::error file=input/{Decision},line=5,col=1,title=impactsite check::status 'not-adopted' needs a 'reason' (missing or empty): explain to contributors why it was not (fully) adopted.", error);
        Assert.Contains("Fix the errors above before building.", run.Stdout);
        // Warnings too, as warnings; and nothing in the text format's place.
        Assert.Contains(run.Stdout.Split('\n'), l => l.StartsWith("::warning file=input/people.yml,line=1,col=1,", StringComparison.Ordinal));
        Assert.DoesNotContain("error:", run.Stderr);
    }

    [Fact]
    public void Json_format_prints_one_document_with_every_diagnostic()
    {
        using var site = SiteWithAnUnexplainedRefusal();
        var run = CliRunner.Invoke(site.Root, null, "check", "--input", "input", "--theme", Repo.Theme, "--format", "json");
        Assert.Equal(1, run.ExitCode);
        using var report = JsonDocument.Parse(run.Stdout);
        var root = report.RootElement;
        Assert.False(root.GetProperty("succeeded").GetBoolean());
        Assert.Equal(1, root.GetProperty("errors").GetInt32());
        var error = root.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
        Assert.Equal($"input/{Decision}", error.GetProperty("path").GetString());
        Assert.Equal(5, error.GetProperty("line").GetInt32());
        Assert.Equal(1, error.GetProperty("column").GetInt32());
        Assert.StartsWith("status 'not-adopted' needs a 'reason'", error.GetProperty("message").GetString());
        Assert.Equal(root.GetProperty("warnings").GetInt32(), root.GetProperty("diagnostics").GetArrayLength() - 1);
    }

    [Fact]
    public void A_valid_site_passes_in_every_format()
    {
        using var site = new TempSite().Write("studies/alpha/index.md", "---\ntitle: Alpha\nsummary: A study.\nstatus: active\n---\n");
        var github = CliRunner.Invoke(site.Root, null, "check", "--input", "input", "--theme", Repo.Theme, "--format", "github");
        Assert.Equal(0, github.ExitCode);
        Assert.DoesNotContain("::error", github.Stdout);
        Assert.Contains("No errors: the site can be built.", github.Stdout);
        var json = CliRunner.Invoke(site.Root, null, "check", "--input", "input", "--theme", Repo.Theme, "--format", "json");
        Assert.Equal(0, json.ExitCode);
        Assert.True(JsonDocument.Parse(json.Stdout).RootElement.GetProperty("succeeded").GetBoolean());
    }
}
