using ImpactSite.Model;
using System.CommandLine;
using ImpactSite.Build;
using ImpactSite.Privacy;
using ImpactSite.Validate;
using ImpactSite.Write;

namespace ImpactSite.Cli;

public static class CheckCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("check", "Check the content without writing anything, and list what needs attention: overdue suggestions, consent reviews, drafts.");
        common.AddTo(command, withOutput: false);
        var format = new Option<DiagnosticFormat>("--format")
        {
            Description = "How to report: text (for people), github (GitHub Actions annotations on the changed lines) or json (one document for other tools).",
            DefaultValueFactory = _ => DiagnosticFormat.Text,
        };
        command.Options.Add(format);
        command.SetAction(parse => Run(common.Read(parse), Console.Out, Console.Error, parse.GetValue(format)));
        return command;
    }

    public static int Run(CommonOptions.Values options, TextWriter stdout, TextWriter stderr, DiagnosticFormat format = DiagnosticFormat.Text)
    {
        var today = BuildDate.FromEnvironment();
        // Drafts are checked too: a mistake in one should be found before it is published.
        var result = SiteBuilder.Build(new BuildRequest(options.Input, options.Theme, today, IncludeDrafts: true, Output: IOutputSink.Discard));
        var diagnostics = result.Graph is null ? result.Diagnostics
            : [.. result.Diagnostics, .. CoordinatorReport.ConsentWarnings(result.Graph), .. PlainEnglish.Warnings(result.Graph), .. NameWarnings.For(result.Graph)];
        var toDo = result.Graph is { } graph
            ? CoordinatorReport.ToDo(graph, graph.Entries.Where(e => e.Draft).Select(e => e.SourcePath).ToList()).ToList()
            : [];
        var exit = result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
        switch (format)
        {
            case DiagnosticFormat.Json:
                DiagnosticFormats.WriteJson(diagnostics, options.Input, result.Succeeded, toDo, stdout);
                return exit;
            case DiagnosticFormat.GitHub:
                DiagnosticFormats.WriteGitHub(diagnostics, options.Input, stdout);
                break;
            default:
                DiagnosticPrinter.Print(diagnostics, options.Input, stderr);
                break;
        }
        foreach (var line in toDo) stdout.WriteLine(line);
        stdout.WriteLine(result.Succeeded ? "No errors: the site can be built." : "Fix the errors above before building.");
        return exit;
    }
}
