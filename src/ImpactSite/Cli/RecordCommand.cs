using System.CommandLine;
using ImpactSite.Build;
using ImpactSite.Content.People;
using ImpactSite.Letters;

namespace ImpactSite.Cli;

/// <summary>
/// 'impactsite record --person ID': a contributor's private involvement record (meetings, suggestions and what happened,
/// posts), written to a file for the co-ordinator and never published: it refuses to write inside the input, the theme
/// or the site's output folder. It names the person by their own stored name, so the check for withheld names covers
/// everyone else. Documented in docs/cli.md.
/// </summary>
public static class RecordCommand
{
    public sealed record Request(CommonOptions.Values Options, string Person)
    {
        public string Format { get; init; } = "text";
        public string? Output { get; init; }
    }

    public static Command Create(CommonOptions common)
    {
        var person = new Option<string>("--person") { Description = "The person's id in people.yml.", Required = true };
        var format = new Option<string>("--format") { Description = "text, or html to print or attach.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "html");
        var output = new Option<string?>("--output") { Description = "The file to write. Default: involvement-record-<id>.txt (or .html) in this folder." };
        var command = new Command("record", "Write a contributor's private record of their involvement (meetings, suggestions and what happened, posts) to a file, for their CV, a reference or a payment claim.");
        common.AddTo(command, withOutput: false);
        foreach (var option in new Option[] { person, format, output }) command.Options.Add(option);
        command.SetAction(parse => Run(
            new Request(common.Read(parse), parse.GetValue(person)!) { Format = parse.GetValue(format) ?? "text", Output = parse.GetValue(output) },
            Console.Out, Console.Error));
        return command;
    }

    public static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        var options = request.Options;
        var html = request.Format == "html";
        var file = request.Output ?? $"involvement-record-{request.Person.TrimStart('@').ToLowerInvariant()}.{(html ? "html" : "txt")}";
        if (ReportFile.Refusal(file, options, "--output") is { } refusal) return ExitCodes.Usage(stderr, refusal + " The record is private.");
        if (ReportFile.Read(options, BuildDate.FromEnvironment(), "record", stderr) is not { } graph) return ExitCodes.ContentErrors;
        if (ReportFile.FindPerson(graph, request.Person, stderr) is not { } person) return ExitCodes.UsageOrIo;

        var letter = InvolvementRecord.Compose(graph, person);
        var text = html ? HtmlDigest.Write(letter) : TextDigest.Write(letter);
        // Their own name is the point of the record; nobody else's withheld name may be in it.
        var others = graph.People.Values.Where(p => p != person);
        if (!ReportFile.HasNoWithheldNames(ReportFile.Bytes(text), html ? "record.html" : "record.txt", others, options, "record", stderr))
            return ExitCodes.ContentErrors;
        if (ReportFile.Write(file, text, "record", stderr) is var code and not ExitCodes.Success) return code;
        stdout.WriteLine($"Wrote {person.Id}'s involvement record to {file}. It is private: give it to them, and do not publish it.");
        return ExitCodes.Success;
    }
}
