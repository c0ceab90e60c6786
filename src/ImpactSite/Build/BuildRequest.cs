using ImpactSite.Model;
using ImpactSite.Render;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;

namespace ImpactSite.Build;

/// <param name="LoadedTheme">A theme already compiled from ThemeRoot (the preview keeps one until a theme file changes);
/// null to load it.</param>
public sealed record BuildRequest(string InputRoot, string ThemeRoot, DateOnly BuildDate, bool IncludeDrafts = false, Theme? LoadedTheme = null);

/// <summary>What a build produced: the files (sorted by path), every diagnostic, and the model for reports.</summary>
public sealed record BuildResult(IReadOnlyList<OutputFile> Files, IReadOnlyList<Diagnostic> Diagnostics, SiteGraph? Graph)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
