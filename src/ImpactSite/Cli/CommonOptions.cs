using System.CommandLine;

namespace ImpactSite.Cli;

/// <summary>--input, --theme and --output, shared by every command, with the contract's defaults.</summary>
public sealed class CommonOptions
{
    public sealed record Values(string Input, string Theme, string Output);

    readonly Option<string> input = new("--input") { Description = "The content folder.", DefaultValueFactory = _ => "input" };
    readonly Option<string> theme = new("--theme") { Description = "The theme folder.", DefaultValueFactory = _ => "theme" };
    readonly Option<string> output = new("--output") { Description = "Where the site is written.", DefaultValueFactory = _ => "output" };

    public void AddTo(Command command, bool withOutput = true)
    {
        command.Options.Add(input);
        command.Options.Add(theme);
        if (withOutput) command.Options.Add(output);
    }

    public Values Read(ParseResult parse) => new(parse.GetValue(input)!, parse.GetValue(theme)!, parse.GetValue(output) ?? "output");
}
