using ImpactSite.Validate;

namespace ImpactSite.Content.Studies;

/// <summary>
/// One entry of a study's <c>releases</c>: a frozen, citable snapshot of the study as it stood at the end of Date (UTC).
/// At is the list item's line, where an error about rebuilding it is reported.
/// </summary>
public sealed record StudyRelease(DateOnly Date, string Title, string? Doi, SourceLocation At)
{
    /// <summary>"2026-12-01": the release's folder under the study, and its version in citations.</summary>
    public string Id => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
