namespace ImpactSite.Validate;

public enum Severity { Warning, Error }

/// <summary>
/// A located problem. Path is relative to the input folder with forward slashes, unless OutsideInput
/// (a theme file, the output folder), when it is shown as it is.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Path, int Line, int Column, string Message, bool OutsideInput = false)
{
    /// <summary>The compiler-style line co-ordinators and editors understand: <c>path:line:col: error: message</c>.</summary>
    public string Format(string inputRoot) =>
        $"{(OutsideInput ? Path : Combine(inputRoot, Path))}:{Line}:{Column}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";

    static string Combine(string root, string path) =>
        string.IsNullOrEmpty(root) || root == "." ? path : root.TrimEnd('/', '\\') + "/" + path;
}

/// <summary>Collects diagnostics from every step so a build reports all problems at once, not just the first.</summary>
public sealed class DiagnosticBag
{
    readonly List<Diagnostic> items = [];
    readonly Lock gate = new();

    public void Error(string path, int line, int column, string message) => Add(new(Severity.Error, path, line, column, message));
    public void Warning(string path, int line, int column, string message) => Add(new(Severity.Warning, path, line, column, message));
    public void Error(SourceLocation at, string message) => Error(at.Path, at.Line, at.Column, message);
    public void Warning(SourceLocation at, string message) => Warning(at.Path, at.Line, at.Column, message);

    public void Add(Diagnostic diagnostic)
    {
        lock (gate) items.Add(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        lock (gate) items.AddRange(diagnostics);
    }

    public bool HasErrors
    {
        get { lock (gate) return items.Exists(d => d.Severity == Severity.Error); }
    }

    /// <summary>Sorted by file and position, so output is stable whatever order parallel steps reported in.</summary>
    public IReadOnlyList<Diagnostic> Sorted()
    {
        lock (gate)
        {
            // The shared empty array, not an empty list per bag: every piece of prose keeps its own (285,000 at 100,000
            // entries), and a conditional with ToList() would make each [] a new List.
            if (items.Count == 0) return [];
            return items.Distinct()
                .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
                .ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
        }
    }
}

/// <summary>A position in a source file (1-based line and column).</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column)
{
    public static SourceLocation StartOf(string path) => new(path, 1, 1);
}
