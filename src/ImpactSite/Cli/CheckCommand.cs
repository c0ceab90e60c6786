using ImpactSite.Model;
using System.CommandLine;
using ImpactSite.Build;
using ImpactSite.Validate;
using ImpactSite.Write;

namespace ImpactSite.Cli;

public static class CheckCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("check", "Check the content without writing anything, and list what needs attention: overdue suggestions, consent reviews, drafts.");
        common.AddTo(command, withOutput: false);
        command.SetAction(parse => Run(common.Read(parse), Console.Out, Console.Error));
        return command;
    }

    public static int Run(CommonOptions.Values options, TextWriter stdout, TextWriter stderr)
    {
        var today = BuildDate.FromEnvironment();
        // Drafts are checked too: a mistake in one should be found before it is published.
        var result = SiteBuilder.Build(new BuildRequest(options.Input, options.Theme, today, IncludeDrafts: true, Output: IOutputSink.Discard));
        var diagnostics = result.Graph is null ? result.Diagnostics
            : [.. result.Diagnostics, .. CoordinatorReport.ConsentWarnings(result.Graph), .. PlainEnglish.Warnings(result.Graph)];
        DiagnosticPrinter.Print(diagnostics, options.Input, stderr);
        if (result.Graph is { } graph)
        {
            var drafts = graph.Entries.Where(e => e.Draft).Select(e => e.SourcePath).ToList();
            foreach (var line in CoordinatorReport.ToDo(graph, drafts)) stdout.WriteLine(line);
        }
        stdout.WriteLine(result.Succeeded ? "No errors: the site can be built." : "Fix the errors above before building.");
        return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
