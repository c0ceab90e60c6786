using ImpactSite.Model;
using ImpactSite.Render;
using ImpactSite.Render.Templates;
using ImpactSite.Validate;
using ImpactSite.Write;
using ImpactSite.Content;

namespace ImpactSite.Build;

/// <param name="LoadedTheme">A theme already compiled from ThemeRoot (the preview keeps one until a theme file changes);
/// null to load it.</param>
/// <param name="Progress">Told the name of each step as it starts (for a progress display); optional.</param>
/// <param name="Output">Where each file goes once it is rendered and checked; null keeps them in memory, in
/// <see cref="BuildResult.Files"/>.</param>
/// <param name="Cache">What the previous build read (the preview); null reads every file.</param>
public sealed record BuildRequest(string InputRoot, string ThemeRoot, DateOnly BuildDate, bool IncludeDrafts = false,
    Theme? LoadedTheme = null, IProgress<string>? Progress = null, IOutputSink? Output = null, ContentCache? Cache = null);

/// <summary>What a build produced: the files (sorted by path, when kept in memory), every diagnostic, and the model for
/// reports.</summary>
public sealed record BuildResult(IReadOnlyList<OutputFile> Files, IReadOnlyList<Diagnostic> Diagnostics, SiteGraph? Graph)
{
    /// <summary>How long each step took, in order (shown by 'build --verbose').</summary>
    public IReadOnlyList<StepTiming> Timings { get; init; } = [];

    /// <summary>How many files the build published (also when they went to a folder rather than into Files).</summary>
    public int FileCount { get; init; }

    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);
}
