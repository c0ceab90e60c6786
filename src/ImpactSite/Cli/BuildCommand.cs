using System.CommandLine;
using System.Diagnostics;
using ImpactSite.Build;
using ImpactSite.Write;
using ImpactSite.Validate;

namespace ImpactSite.Cli;

public static class BuildCommand
{
    public static Command Create(CommonOptions common)
    {
        var drafts = new Option<bool>("--drafts") { Description = "Also publish entries marked 'draft: true' (for previewing only)." };
        var verbose = new Option<bool>("--verbose") { Description = "Print how long each step of the build took." };
        var command = new Command("build", "Build the site from --input and --theme into --output. The previous output stays as it was if anything is wrong.");
        common.AddTo(command);
        command.Options.Add(drafts);
        command.Options.Add(verbose);
        command.SetAction(parse => Run(common.Read(parse), parse.GetValue(drafts), Console.Out, Console.Error, parse.GetValue(verbose)));
        return command;
    }

    public static int Run(CommonOptions.Values options, bool drafts, TextWriter stdout, TextWriter stderr, bool verbose = false)
    {
        if (OutputFolder.Refusal(options.Output, options.Input, options.Theme) is { } refusal)
        {
            stderr.WriteLine($"{options.Output}:1:1: error: {refusal}");
            return ExitCodes.UsageOrIo;
        }
        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            using var staging = OutputFolder.Open(options.Output);
            result = ProgressDisplay.Run(progress => SiteBuilder.Build(
                new BuildRequest(options.Input, options.Theme, BuildDate.FromEnvironment(), drafts, Progress: progress, Output: staging)));
            DiagnosticPrinter.Print(result.Diagnostics, options.Input, stderr);
            if (!result.Succeeded)
            {
                stderr.WriteLine($"Nothing was published: fix the errors above and build again. '{options.Output}' is unchanged.");
                return ExitCodes.ContentErrors;
            }
            staging.Publish();
        }
        catch (Exception e) when (WriteFailure(e) is { } failure)
        {
            stderr.WriteLine($"{options.Output}:1:1: error: could not write the site: {failure.Message}");
            return ExitCodes.UsageOrIo;
        }
        if (verbose) ProgressDisplay.PrintTimings(result.Timings, stdout);
        stdout.WriteLine($"Built {result.FileCount} files into {options.Output} in {clock.Elapsed.TotalSeconds:0.00}s.");
        return ExitCodes.Success;
    }

    /// <summary>The disk problem behind a failed write (files are written from several threads, so it may come wrapped).</summary>
    static Exception? WriteFailure(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.FirstOrDefault(i => i is IOException or UnauthorizedAccessException),
        _ => null,
    };
}
