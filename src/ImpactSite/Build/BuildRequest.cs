using ImpactSite.Model;
using ImpactSite.Render;
using ImpactSite.Validate;

namespace ImpactSite.Build;

public sealed record BuildRequest(string InputRoot, string ThemeRoot, DateOnly BuildDate, bool IncludeDrafts = false);

/// <summary>What a build produced: the files (sorted by path), every diagnostic, and the model for reports.</summary>
public sealed record BuildResult(IReadOnlyList<OutputFile> Files, IReadOnlyList<Diagnostic> Diagnostics, SiteGraph? Graph)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
