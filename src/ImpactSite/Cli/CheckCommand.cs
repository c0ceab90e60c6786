using System.CommandLine;
using ImpactSite.Build;

namespace ImpactSite.Cli;

public static class CheckCommand
{
    public static Command Create(CommonOptions common)
    {
        var command = new Command("check", "Check the content without writing anything, and list what needs attention.");
        common.AddTo(command, withOutput: false);
        command.SetAction(parse => Run(common.Read(parse), Console.Out, Console.Error));
        return command;
    }

    public static int Run(CommonOptions.Values options, TextWriter stdout, TextWriter stderr)
    {
        var result = SiteBuilder.Build(new BuildRequest(options.Input, options.Theme, BuildDate.FromEnvironment(), IncludeDrafts: true));
        DiagnosticPrinter.Print(result.Diagnostics, options.Input, stderr);
        if (result.Succeeded) stdout.WriteLine("No errors: the site can be built.");
        return result.Succeeded ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
