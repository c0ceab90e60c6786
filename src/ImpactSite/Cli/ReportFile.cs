using System.Text;
using ImpactSite.Text;
using ImpactSite.Build;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Validate;
using ImpactSite.Write;
using ImpactSite.Content;
using ImpactSite.Content.People;

namespace ImpactSite.Cli;

/// <summary>
/// What 'digest' and 'record' share: the site read by a full build in memory (content with errors gives no report),
/// a person looked up by id, the report checked for names that must not appear, and the file written only where it
/// cannot be taken for content or published with the site.
/// </summary>
public static class ReportFile
{
    /// <summary>The finished site, or null (the errors and why nothing was written are printed).</summary>
    public static SiteGraph? Read(CommonOptions.Values options, DateOnly today, string what, TextWriter stderr)
    {
        var result = SiteBuilder.Build(new BuildRequest(options.Input, options.Theme, today, Output: IOutputSink.Discard));
        if (!result.Succeeded || result.Graph is not { } graph)
        {
            DiagnosticPrinter.Print(result.Diagnostics, options.Input, stderr);
            stderr.WriteLine($"No {what} was written: fix the errors above (they would stop the site being built), then run it again.");
            return null;
        }
        if (result.Warnings.Count() is var warnings and > 0)
            stderr.WriteLine($"({English.Count(warnings, "warning", "warnings")} in the content: run 'impactsite check' to see {(warnings == 1 ? "it" : "them")}.)");
        return graph;
    }

    /// <summary>A person by id (any case, with or without '@'), or null after printing what to do.</summary>
    public static Person? FindPerson(SiteGraph graph, string id, TextWriter stderr)
    {
        var clean = id.TrimStart('@').ToLowerInvariant();
        if (graph.People.TryGetValue(clean, out var person)) return person;
        ExitCodes.Usage(stderr, $"--person '{id}' is not in people.yml.{Suggestions.DidYouMean(clean, graph.People.Keys)} Use the id people.yml gives them.");
        return null;
    }

    /// <summary>Whether the report is free of every name in <paramref name="guarded"/> that must not be published.</summary>
    public static bool HasNoWithheldNames(byte[] bytes, string fileName, IEnumerable<Person> guarded, CommonOptions.Values options, string what, TextWriter stderr)
    {
        var leaks = new DiagnosticBag();
        LeakGuard.For(guarded, options.Input, leaks).Run([new OutputFile(fileName, bytes, null)]);
        if (!leaks.HasErrors) return true;
        DiagnosticPrinter.Print(leaks.Sorted(), options.Input, stderr);
        stderr.WriteLine($"No {what} was written: it would have contained a name that must not be in it.");
        return false;
    }

    /// <summary>Why a report may not be written to <paramref name="file"/>: it would be content, theme or published site.</summary>
    public static string? Refusal(string file, CommonOptions.Values options, string option)
    {
        var full = Path.GetFullPath(file);
        if (Inside(full, options.Input) || Inside(full, options.Theme))
            return $"{option} '{file}' is inside the input or theme folder: write it somewhere else, so it is not mistaken for content.";
        if (Inside(full, options.Output) || MarkedOutput(full))
            return $"{option} '{file}' is inside the site's output folder, which is published: write it somewhere else.";
        return null;
    }

    public static int Write(string file, string text, string what, TextWriter stderr)
    {
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder) Directory.CreateDirectory(folder);
            File.WriteAllBytes(file, Bytes(text));
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{file}:1:1: error: could not write the {what}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
    }

    public static byte[] Bytes(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

    static bool Inside(string file, string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return file.StartsWith(root, StringComparison.Ordinal);
    }

    /// <summary>Any folder above the file that a build made (it holds the output marker), whatever --output it was.</summary>
    static bool MarkedOutput(string file)
    {
        for (var dir = Path.GetDirectoryName(file); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, OutputFolder.Marker))) return true;
        return false;
    }
}
