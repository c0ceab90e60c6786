using System.CommandLine;
using ImpactSite.Cli;

var common = new CommonOptions();
var root = new RootCommand("ImpactSite: publish what patient and public involvement changed, from markdown in git.")
{
    BuildCommand.Create(common),
    CheckCommand.Create(common),
    NewCommand.Create(common),
    DigestCommand.Create(common),
    RecordCommand.Create(common),
    PreviewCommand.Create(common),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0) return Usage(parsed);
BatchCollections.StartFor(parsed.CommandResult.Command.Name);
return parsed.Invoke();

static int Usage(ParseResult parsed)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("Run 'impactsite --help' for the commands and options.");
    return ExitCodes.UsageOrIo;
}
