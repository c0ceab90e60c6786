
namespace ImpactSite.Content.Studies;

/// <summary>A frozen release as the study page lists it and its own page shows it.</summary>
public sealed record ReleaseView(FrozenRelease Frozen, string Url, string EvidenceJsonUrl, string EvidenceCsvUrl, string LiveUrl)
{
    public string Title => Frozen.Release.Title;
    public DateOnly Date => Frozen.Release.Date;
    public string? Doi => Frozen.Release.Doi;
    public string? DoiUrl => Doi is null ? null : Content.Studies.Doi.Url(Doi);
    public string ShortCommit => Frozen.Commit[..7];
    /// <summary>The study as it stood then: title, summary, figures, meetings and decisions.</summary>
    public Study Snapshot => Frozen.Snapshot;
    public ImpactFigures Figures => Frozen.Snapshot.Figures;
}
