using ImpactSite.Text;

namespace ImpactSite.Validate;

/// <summary>Prints diagnostics as path:line:col: severity: message, errors first, then a one-line tally.</summary>
public static class DiagnosticPrinter
{
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, string inputRoot, TextWriter writer)
    {
        foreach (var d in diagnostics.OrderBy(d => d.Severity == Severity.Error ? 0 : 1))
            writer.WriteLine(d.Format(inputRoot));
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0)
            writer.WriteLine($"{English.Count(errors, "error", "errors")}, {English.Count(warnings, "warning", "warnings")}.");
    }
}
