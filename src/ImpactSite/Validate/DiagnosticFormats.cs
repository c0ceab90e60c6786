using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactSite.Validate;

/// <summary>How 'check' reports: text for people, GitHub Actions workflow commands (shown on the changed lines of a
/// pull request), or one JSON document for other tools.</summary>
public enum DiagnosticFormat { Text, GitHub, Json }

/// <summary>Diagnostics as GitHub Actions workflow commands and as JSON. Paths are relative to the folder check
/// runs in (the repository's root in a workflow), with '/' separators, as GitHub matches them to a pull request's files.</summary>
public static class DiagnosticFormats
{
    public static string RepositoryPath(Diagnostic d, string inputRoot)
    {
        var path = d.OutsideInput ? d.Path : Path.Combine(inputRoot, d.Path);
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(Environment.CurrentDirectory, path) : Path.GetRelativePath(".", path);
        return relative.Replace('\\', '/');
    }

    /// <summary><c>::error file=input/x.md,line=3,col=5::message</c>, escaped as GitHub's runner reads them.</summary>
    public static void WriteGitHub(IReadOnlyList<Diagnostic> diagnostics, string inputRoot, TextWriter writer)
    {
        foreach (var d in diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1))
            writer.WriteLine($"::{(d.Severity == Severity.Error ? "error" : "warning")} file={Property(RepositoryPath(d, inputRoot))},line={d.Line},col={d.Column},title=impactsite check::{Data(d.Message)}");
    }

    public sealed record JsonDiagnostic(string Severity, string Path, int Line, int Column, string Message);
    public sealed record JsonReport(bool Succeeded, int Errors, int Warnings, IReadOnlyList<JsonDiagnostic> Diagnostics, IReadOnlyList<string> ToDo);

    // Serialisation code generated at compile time (DiagnosticJson below): the native executable has no reflection path.
    static readonly DiagnosticJson Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        // Messages quote keys and values ('status'); keep them readable rather than \u0027.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void WriteJson(IReadOnlyList<Diagnostic> diagnostics, string inputRoot, bool succeeded, IReadOnlyList<string> toDo, TextWriter writer)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var report = new JsonReport(succeeded, errors, diagnostics.Count - errors,
            diagnostics.Select(d => new JsonDiagnostic(d.Severity == Severity.Error ? "error" : "warning", RepositoryPath(d, inputRoot), d.Line, d.Column, d.Message)).ToList(),
            toDo);
        writer.WriteLine(JsonSerializer.Serialize(report, Json.JsonReport));
    }

    // GitHub's runner unescapes %25, %0D and %0A in a command's message, and also %3A and %2C in its properties.
    static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
    static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}

[JsonSerializable(typeof(DiagnosticFormats.JsonReport))]
sealed partial class DiagnosticJson : JsonSerializerContext;
