using ImpactSite.Validate;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpactSite.Load;

/// <summary>A markdown file split into its YAML front matter and body, keeping line numbers for messages.</summary>
public sealed class FrontMatterDocument
{
    public required string Path { get; init; }
    public required YamlFields Fields { get; init; }
    public required string Body { get; init; }
    /// <summary>1-based line of the file on which the body starts.</summary>
    public required int BodyLine { get; init; }

    /// <summary>The same document, with the problems found while reading its fields reported to another build.</summary>
    public FrontMatterDocument ReportingTo(DiagnosticBag diagnostics) => new()
    {
        Path = Path, Fields = Fields.ReportingTo(diagnostics), Body = Body, BodyLine = BodyLine,
    };

    public static FrontMatterDocument Parse(SourceFile file, DiagnosticBag diagnostics)
    {
        var text = file.Text;
        if (file.Refused) return new() { Path = file.Path, Fields = YamlFields.Empty(file.Path), Body = "", BodyLine = 1 };
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text != "---")
        {
            diagnostics.Error(file.Path, 1, 1,
                "the file has no front matter: start it with a line '---', then 'title: ...' and the other keys, then another '---'.");
            return new() { Path = file.Path, Fields = YamlFields.Empty(file.Path), Body = text, BodyLine = 1 };
        }

        var close = FindClosingLine(text);
        if (close is null)
        {
            diagnostics.Error(file.Path, 1, 1,
                "the front matter is not closed: add a line containing only '---' after the last key.");
            return new() { Path = file.Path, Fields = YamlFields.Empty(file.Path), Body = "", BodyLine = 1 };
        }

        var (yamlEnd, bodyStart, closingLine) = close.Value;
        var yaml = text[4..yamlEnd];
        var fields = YamlFields.Load(file.Path, yaml, lineOffset: 1, diagnostics);
        return new()
        {
            Path = file.Path, Fields = fields,
            Body = bodyStart >= text.Length ? "" : text[bodyStart..],
            BodyLine = closingLine + 1,
        };
    }

    /// <summary>Finds the '---' (or '...') line that ends the front matter: its start, the body start and its 1-based line.</summary>
    static (int YamlEnd, int BodyStart, int Line)? FindClosingLine(string text)
    {
        var line = 2;
        for (var pos = 4; pos <= text.Length;)
        {
            var end = text.IndexOf('\n', pos);
            var lineText = end < 0 ? text.AsSpan(pos) : text.AsSpan(pos, end - pos);
            if (lineText.TrimEnd() is "---" or "...")
                return (pos, end < 0 ? text.Length : end + 1, line);
            if (end < 0) break;
            pos = end + 1;
            line++;
        }
        return null;
    }
}

/// <summary>Loads a YAML mapping and turns YamlDotNet's exceptions into located diagnostics.</summary>
public static class YamlText
{
    public static YamlNode? Load(string path, string yaml, int lineOffset, DiagnosticBag diagnostics) =>
        Load(path, yaml, lineOffset, diagnostics, out _);

    public static YamlNode? Load(string path, string yaml, int lineOffset, DiagnosticBag diagnostics, out bool failed) =>
        LoadDocuments(path, yaml, lineOffset, diagnostics, out failed) is [var first, ..] ? first.RootNode : null;

    /// <summary>Every document of the YAML (null when it cannot be read, reported), for a caller that must know there is
    /// only one.</summary>
    public static IList<YamlDocument>? LoadDocuments(string path, string yaml, int lineOffset, DiagnosticBag diagnostics, out bool failed)
    {
        failed = false;
        try
        {
            if (YamlDepth.TooDeep(yaml) is { } deep)
            {
                failed = true;
                diagnostics.Error(path, (int)deep.Line + lineOffset, (int)deep.Column,
                    $"lists and groups of keys are nested more than {TextLimits.MaxYamlNesting} deep here, which ImpactSite does not read: front matter needs two or three levels at most.");
                return null;
            }
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents;
        }
        catch (YamlException e)
        {
            failed = true;
            if (TabNear(yaml, (int)e.Start.Line) is { } tab)
            {
                // YamlDotNet notices a tab where the indentation stops making sense, often a line early: point at the tab.
                diagnostics.Error(path, tab.Line + lineOffset, tab.Column, TabAdvice);
                return null;
            }
            var line = (int)Math.Max(1, e.Start.Line) + lineOffset;
            diagnostics.Error(path, line, (int)Math.Max(1, e.Start.Column),
                $"the YAML is not valid here ({Describe(e)}). {Advice}");
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner can fail without a position on some malformed input (found by the fuzz tests).
            failed = true;
            diagnostics.Error(path, lineOffset + 1, 1, $"the YAML could not be read ({e.Message.TrimEnd('.')}). {Advice}");
            return null;
        }
    }

    const string TabAdvice = "this line is indented with a tab: YAML only accepts spaces here. Replace the tab with spaces " +
        "(two for each level of indentation); most editors can be set to type spaces when you press the Tab key.";

    /// <summary>
    /// The tab that made the YAML unreadable: the first one used as indentation, else one on the line the parser stopped
    /// at or a neighbour (a tab after 'key:' or '- '). 1-based line and column within the YAML text.
    /// </summary>
    static (int Line, int Column)? TabNear(string yaml, int errorLine)
    {
        if (!yaml.Contains('\t')) return null;
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (indent < lines[i].Length && lines[i].IndexOf('\t', 0, indent) is var column and >= 0) return (i + 1, column + 1);
        }
        for (var i = Math.Max(0, errorLine - 2); i < Math.Min(lines.Length, errorLine + 1); i++)
            if (lines[i].IndexOf('\t') is var column and >= 0) return (i + 1, column + 1);
        return null;
    }

    const string Advice = "Check the indentation, that each key is followed by ': ', and that text containing ': ' or starting with a quote, '@', '[' or '{' is wrapped in quotes.";

    static string Describe(YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message).Trim();
        // YamlDotNet prefixes messages with the position we already print.
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && close > 0) message = message[(close + 3)..];
        return message.TrimEnd('.');
    }
}
