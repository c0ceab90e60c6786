using System.Text.RegularExpressions;
using ImpactSite.Cli;
using ImpactSite.Tests.Support;
using ImpactSite.Letters;

namespace ImpactSite.Tests.Validation;

/// <summary>
/// Every example in docs/messages.md, built as the page says: its files are written into a copy of the sample site,
/// 'check' is run, and each line the page says 'check' prints must be printed exactly, at the same line and column.
/// The tests are made from the page, so the page and the program cannot drift apart.
/// </summary>
public sealed partial class MessageDocTests
{
    /// <summary>One example: the message it is under, the files it writes (input-relative), and the lines expected.</summary>
    /// <param name="Files">Input-relative path, the text, and whether it is added to the end of the sample's file.</param>
    public sealed record Example(string Message, IReadOnlyList<(string Path, string Text, bool Append)> Files, IReadOnlyList<string> Printed)
    {
        public override string ToString() => Message;
    }

    static readonly string Page = Path.Combine(Repo.Root, "docs", "messages.md");

    public static TheoryData<string> Messages => [.. Examples().Select(e => e.Message).Distinct()];

    [Theory]
    [MemberData(nameof(Messages))]
    public void The_documented_example_prints_the_documented_message(string message)
    {
        foreach (var example in Examples().Where(e => e.Message == message))
        {
            var root = Directory.CreateTempSubdirectory("impactsite-doc-").FullName;
            try
            {
                var input = Path.Combine(root, "input");
                Folder.Copy(Repo.Input, input);
                foreach (var (path, text, append) in example.Files)
                {
                    var file = Path.Combine(input, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    if (append) File.AppendAllText(file, text);
                    else File.WriteAllText(file, text);
                }
                var stderr = new StringWriter();
                CheckCommand.Run(new CommonOptions.Values(input, Repo.Theme, Path.Combine(root, "output")), new StringWriter(), stderr);
                var printed = stderr.ToString().Replace(input + "/", "input/").Split('\n');
                foreach (var line in example.Printed)
                    Assert.True(printed.Contains(line), $"docs/messages.md, \"{message}\": expected\n{line}\nbut check printed\n{string.Join('\n', printed)}");
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>Every message about content (from "File names and folders" to "Privacy") has an example, or says why
    /// it cannot have one ("**No example:** ...").</summary>
    [Fact]
    public void Every_content_message_has_an_example_or_says_why_not()
    {
        var withExample = Examples().Select(e => e.Message).ToHashSet();
        var lines = File.ReadAllLines(Page);
        var start = Array.FindIndex(lines, l => l.StartsWith("## File names and folders", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.StartsWith("## Theme problems", StringComparison.Ordinal));
        Assert.True(start > 0 && end > start);
        var missing = new List<string>();
        string? heading = null;
        var explained = false;
        var fence = false;
        foreach (var line in lines[start..end].Append("### end"))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) fence = !fence;
            if (fence) continue;
            if (Heading().Match(line) is { Success: true } h)
            {
                if (heading is not null && !withExample.Contains(heading) && !explained) missing.Add(heading);
                heading = h.Groups["text"].Value.Trim();
                explained = false;
            }
            else if (line.StartsWith("**No example:**", StringComparison.Ordinal)) explained = true;
        }
        Assert.True(missing.Count == 0, "no example in docs/messages.md for: " + string.Join("; ", missing));
        Assert.All(Examples(), e => Assert.NotEmpty(e.Printed));
    }

    /// <summary>
    /// Reads the examples: a line "**Example** (`input/path`):" or "**And** (`input/path`):" is followed by a fenced
    /// block with that file's text (→ stands for a tab), and "**Added to** (`input/path`):" by text added to the end of
    /// that file of the sample; a line "`impactsite check` prints:" by a fenced block of the lines printed. The message
    /// is the heading (### or ####) the example is under.
    /// </summary>
    static List<Example> Examples()
    {
        var lines = File.ReadAllLines(Page);
        var examples = new List<Example>();
        var files = new List<(string, string, bool)>();
        string heading = "", pendingPath = "";
        var append = false;
        var expectPrinted = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Heading().Match(line) is { Success: true } h) heading = h.Groups["text"].Value.Trim();
            else if (FileLine().Match(line) is { Success: true } m)
            {
                pendingPath = m.Groups["path"].Value;
                append = m.Groups["how"].Value == "Added to";
            }
            else if (line.Trim() == "`impactsite check` prints:") expectPrinted = true;
            else if (line.StartsWith("```", StringComparison.Ordinal) && (pendingPath.Length > 0 || expectPrinted))
            {
                var block = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) block.Add(lines[i]);
                if (expectPrinted)
                {
                    examples.Add(new(heading, files, block.Where(b => b.Length > 0).ToList()));
                    files = [];
                    expectPrinted = false;
                }
                else
                {
                    files.Add((pendingPath, string.Join('\n', block).Replace('→', '\t') + "\n", append));
                    pendingPath = "";
                }
            }
        }
        return examples;
    }

    [GeneratedRegex(@"^\*\*(?<how>Example|And|Added to)\*\* \(`input/(?<path>[^`]+)`\):$")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"^#{3,4} (?<text>.+)$")]
    private static partial Regex Heading();
}
