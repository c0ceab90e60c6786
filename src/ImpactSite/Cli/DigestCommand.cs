using System.CommandLine;
using System.Globalization;
using System.Text;
using ImpactSite.Build;
using ImpactSite.Write;
using ImpactSite.Model;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Render.Digest;
using ImpactSite.Validate;

namespace ImpactSite.Cli;

/// <summary>
/// 'impactsite digest': a plain-English "what happened to your suggestions" update for panel members, as text or as
/// one HTML document. It runs the whole build in memory (nothing is written but the digest), so it refuses content
/// with errors, and it checks its own output for withheld names as the build checks every published file.
/// Documented in docs/cli.md.
/// </summary>
public static class DigestCommand
{
    public sealed record Request(CommonOptions.Values Options, string Since)
    {
        public string? Study { get; init; }
        public string Format { get; init; } = "text";
        public string? Out { get; init; }
    }

    public static Command Create(CommonOptions common)
    {
        var since = new Option<string>("--since") { Description = "YYYY-MM-DD: include suggestions answered or updated on or after this date.", Required = true };
        var study = new Option<string?>("--study") { Description = "Only this study (its folder name). Default: all studies." };
        var format = new Option<string>("--format") { Description = "text (for an e-mail body) or html (a standalone page to send or print).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "html");
        var output = new Option<string?>("--out") { Description = "Write the digest to this file instead of the screen." };
        var command = new Command("digest", "Write a plain-English update for panel members: what happened to their suggestions since a date, and what is still waiting.");
        common.AddTo(command, withOutput: false);
        foreach (var option in new Option[] { since, study, format, output }) command.Options.Add(option);
        command.SetAction(parse => Run(
            new Request(common.Read(parse), parse.GetValue(since)!)
            {
                Study = parse.GetValue(study), Format = parse.GetValue(format) ?? "text", Out = parse.GetValue(output),
            },
            Console.Out, Console.Error));
        return command;
    }

    public static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        int Usage(string message) => ExitCodes.Usage(stderr, message);

        var today = BuildDate.FromEnvironment();
        if (!DateOnly.TryParseExact(request.Since, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
            return Usage($"--since '{request.Since}' is not a valid date: write it as YYYY-MM-DD, for example 2026-09-01.");
        if (since > today)
            return Usage($"--since {since:yyyy-MM-dd} is after the build date ({today:yyyy-MM-dd}): there can be no news yet.");

        var options = request.Options;
        var result = SiteBuilder.Build(new BuildRequest(options.Input, options.Theme, today, Output: IOutputSink.Discard));
        if (!result.Succeeded || result.Graph is not { } graph)
        {
            DiagnosticPrinter.Print(result.Diagnostics, options.Input, stderr);
            stderr.WriteLine("No digest was written: fix the errors above (they would stop the site being built), then run digest again.");
            return ExitCodes.ContentErrors;
        }
        if (result.Warnings.Count() is var warnings and > 0)
            stderr.WriteLine($"({warnings} warning{(warnings == 1 ? "" : "s")} in the content: run 'impactsite check' to see {(warnings == 1 ? "it" : "them")}.)");

        Study? study = null;
        if (request.Study is { } slug && (study = graph.Studies.FirstOrDefault(s => s.Slug == slug)) is null)
        {
            var slugs = graph.Studies.Select(s => s.Slug).ToList();
            return Usage($"there is no published study '{slug}'.{Suggestions.DidYouMean(slug, slugs)} Studies: {(slugs.Count == 0 ? "none yet" : string.Join(", ", slugs))}.");
        }

        var digest = Digest.Build(graph, since, study);
        var html = request.Format == "html";
        var text = html ? HtmlDigest.Write(digest) : TextDigest.Write(digest);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

        // The digest is published by e-mail, so the build's last check applies to it too.
        var leaks = new DiagnosticBag();
        LeakGuard.For(graph.People.Values, options.Input, leaks).Run([new OutputFile(html ? "digest.html" : "digest.txt", bytes, null)]);
        if (leaks.HasErrors)
        {
            DiagnosticPrinter.Print(leaks.Sorted(), options.Input, stderr);
            stderr.WriteLine("No digest was written: it would have contained a name that must not be published.");
            return ExitCodes.ContentErrors;
        }

        if (request.Out is not { } file)
        {
            stdout.Write(text);
            return ExitCodes.Success;
        }
        if (Inside(file, options.Input) || Inside(file, options.Theme))
            return Usage($"--out '{file}' is inside the input or theme folder: write the digest somewhere else, so it is not mistaken for content.");
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            File.WriteAllBytes(file, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{file}:1:1: error: could not write the digest: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        stdout.WriteLine($"Wrote the digest to {file}: {digest.WithNews} suggestion{(digest.WithNews == 1 ? "" : "s")} with news, {digest.Waiting.Count} still waiting.");
        return ExitCodes.Success;
    }

    static bool Inside(string file, string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(file).StartsWith(root, StringComparison.Ordinal);
    }
}
