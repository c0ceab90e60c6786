using System.Globalization;
using ImpactSite.Validate;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImpactSite.Load;

public readonly record struct Located<T>(T Value, SourceLocation At);

/// <summary>
/// Typed, located access to one YAML mapping (a file's front matter or an item of a list).
/// Every accessor reports what is wrong, where, and how to fix it, and returns null rather than throwing.
/// </summary>
public sealed class YamlFields
{
    readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries;
    readonly int lineOffset;
    readonly DiagnosticBag? diagnostics;

    public string Path { get; }
    public SourceLocation At { get; }

    YamlFields(string path, YamlMappingNode? map, int lineOffset, DiagnosticBag? diagnostics, SourceLocation? at = null)
    {
        Path = path;
        this.lineOffset = lineOffset;
        this.diagnostics = diagnostics;
        entries = new(StringComparer.Ordinal);
        At = at ?? (map is null ? SourceLocation.StartOf(path) : Span(map.Start));
        if (map is null) return;
        foreach (var (key, value) in map.Children)
            if (key is YamlScalarNode { Value: { } name } scalar) entries[name] = (scalar, value);
    }

    public static YamlFields Empty(string path) => new(path, null, 0, null);

    YamlFields(YamlFields fields, DiagnosticBag? diagnostics)
    {
        Path = fields.Path;
        At = fields.At;
        lineOffset = fields.lineOffset;
        entries = fields.entries;
        this.diagnostics = diagnostics;
    }

    /// <summary>The same fields reporting to another build's diagnostics (fields that report nothing stay silent).</summary>
    public YamlFields ReportingTo(DiagnosticBag diagnostics) => this.diagnostics is null ? this : new(this, diagnostics);

    /// <summary>Parses YAML text that must be a mapping. lineOffset is how many file lines precede the YAML.</summary>
    public static YamlFields Load(string path, string yaml, int lineOffset, DiagnosticBag diagnostics)
    {
        var root = YamlText.Load(path, yaml, lineOffset, diagnostics, out var failed);
        // After a syntax error the keys are unknown: report that error alone, not a cascade of "missing" keys.
        if (failed) return new(path, null, lineOffset, null);
        return FromNode(path, root, lineOffset, diagnostics, "the front matter");
    }

    public static YamlFields FromNode(string path, YamlNode? node, int lineOffset, DiagnosticBag diagnostics, string what)
    {
        switch (node)
        {
            case YamlMappingNode map:
                return new(path, map, lineOffset, diagnostics);
            case null:
            case YamlScalarNode { Value: null or "" }:
                return new(path, null, lineOffset, diagnostics);
            default:
                var at = new SourceLocation(path, (int)node.Start.Line + lineOffset, (int)node.Start.Column);
                diagnostics.Error(at, $"{what} must be a list of 'key: value' lines.");
                return new(path, null, lineOffset, diagnostics, at);
        }
    }

    public IEnumerable<string> Keys => entries.Keys;
    public bool Has(string key) => entries.ContainsKey(key);

    public SourceLocation KeyAt(string key) => entries.TryGetValue(key, out var e) ? Span(e.Key.Start) : At;
    public SourceLocation ValueAt(string key) => entries.TryGetValue(key, out var e) ? Span(e.Value.Start) : At;

    public SourceLocation Span(Mark mark) => new(Path, (int)mark.Line + lineOffset, (int)mark.Column);

    public void Error(SourceLocation at, string message) => diagnostics?.Error(at, message);
    public void Warning(SourceLocation at, string message) => diagnostics?.Warning(at, message);

    /// <summary>Known keys written misspelt here: a missing key that was only misspelt is reported once, at the misspelling.</summary>
    readonly HashSet<string> misspelt = new(StringComparer.Ordinal);

    void Missing(string key, string example)
    {
        if (!misspelt.Contains(key)) Error(At, $"the required key '{key}' is missing: add a line such as '{key}: {example}'.");
    }

    /// <summary>A text value. Required keys that are absent or empty are reported.</summary>
    public string? Text(string key, bool required = false, string example = "...")
    {
        if (!entries.TryGetValue(key, out var e))
        {
            if (required) Missing(key, example);
            return null;
        }
        if (e.Value is not YamlScalarNode scalar)
        {
            Error(Span(e.Value.Start), $"'{key}' must be a single piece of text, not a list or a group of keys.");
            return null;
        }
        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) Error(Span(e.Key.Start), $"'{key}' is empty: write a value after '{key}:', for example '{key}: {example}'.");
            return null;
        }
        return value;
    }

    /// <summary>A value that must be one of a fixed set (status, format, credit, ...).</summary>
    public string? OneOf(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        var value = Text(key, required, allowed.First());
        if (value is null || allowed.Contains(value)) return value;
        Error(ValueAt(key),
            $"'{value}' is not a valid {key}: use one of {string.Join(", ", allowed)}.{Suggestions.DidYouMean(value, allowed)}");
        return null;
    }

    /// <summary>An ISO date (YYYY-MM-DD) that exists on the calendar.</summary>
    public DateOnly? Date(string key, bool required = false)
    {
        var value = Text(key, required, "2025-03-14");
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        var hint = System.Text.RegularExpressions.Regex.IsMatch(value, @"^\d{4}-\d{2}-\d{2}$")
            ? "that date does not exist on the calendar"
            : "write dates as YYYY-MM-DD, for example 2025-03-14";
        Error(ValueAt(key), $"'{key}: {value}' is not a valid date: {hint}.");
        return null;
    }

    public bool Flag(string key)
    {
        var value = Text(key);
        if (value is null) return false;
        if (value is "true" or "yes") return true;
        if (value is "false" or "no") return false;
        Error(ValueAt(key), $"'{key}' must be true or false, not '{value}'.");
        return false;
    }

    public int? WholeNumber(string key)
    {
        var value = Text(key);
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        Error(ValueAt(key), $"'{key}' must be a whole number such as 12, not '{value}'.");
        return null;
    }

    /// <summary>A list of text items; a single value is accepted as a list of one.</summary>
    public IReadOnlyList<Located<string>> List(string key, bool required = false)
    {
        if (!entries.TryGetValue(key, out var e))
        {
            if (required) Missing(key, "[first, second]");
            return [];
        }
        var result = new List<Located<string>>();
        switch (e.Value)
        {
            case YamlScalarNode { Value: { Length: > 0 } single }:
                result.Add(new(single.Trim(), Span(e.Value.Start)));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: { Length: > 0 } text })
                        result.Add(new(text.Trim(), Span(item.Start)));
                    else
                        Error(Span(item.Start), $"each item of '{key}' must be a single piece of text.");
                }
                break;
            case YamlMappingNode:
                Error(Span(e.Value.Start), $"'{key}' must be a list such as [first, second].");
                break;
        }
        if (required && result.Count == 0)
            Error(Span(e.Key.Start), $"'{key}' is empty: list at least one, for example '{key}: [first]'.");
        return result;
    }

    /// <summary>A list of mappings (for example a decision's 'updates').</summary>
    public IReadOnlyList<YamlFields> Mappings(string key)
    {
        if (!entries.TryGetValue(key, out var e)) return [];
        if (e.Value is YamlSequenceNode sequence)
            return sequence.Children.Select(item => FromNode(Path, item, lineOffset, diagnostics!, $"each item of '{key}'")).ToList();
        if (e.Value is YamlScalarNode { Value: null or "" }) return [];
        Error(Span(e.Value.Start), $"'{key}' must be a list of items, each starting with '- '.");
        return [];
    }

    /// <summary>
    /// Unknown keys, checked against the keys this kind of mapping allows (<paramref name="known"/>): a near miss of a
    /// known key is an error, since its value would be silently dropped; any other unknown key is a warning.
    /// </summary>
    public void CheckUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (name, (key, _)) in entries)
            if (!known.Contains(name) && UnknownKey.Check(name, known) is var problem)
            {
                if (problem.Meant is { } meant)
                {
                    misspelt.Add(meant);
                    Error(Span(key.Start), problem.Message);
                }
                else Warning(Span(key.Start), problem.Message);
            }
    }
}
