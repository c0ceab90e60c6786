using ImpactSite.Content;
using ImpactSite.Validate;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;

namespace ImpactSite.Content.Studies;

public sealed class Study(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Study;
    public override DateOnly? Date => Started;
    public override DateOnly? LatestEvent => new[] { Started, Ended }.Concat(Releases.Select(r => (DateOnly?)r.Date)).Max();
    public required Prose Summary { get; init; }
    public required string Status { get; init; }
    public DateOnly? Started { get; init; }
    public DateOnly? Ended { get; init; }
    public string? Funder { get; init; }
    public string? FunderReference { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>Frozen, citable snapshots the study declares (<c>releases</c>), oldest first.</summary>
    public IReadOnlyList<StudyRelease> Releases { get; init; } = [];
    /// <summary>A DOI minted for the study as a whole (e.g. by Zenodo), shown wherever it is cited.</summary>
    public string? Doi { get; init; }
    /// <summary>The releases as rebuilt from git history by the build (empty until then, or when one could not be).</summary>
    public IReadOnlyList<FrozenRelease> FrozenReleases { get; set; } = [];
    public Prose? InvolvementAim { get; init; }
    public Prose? InvolvementMethods { get; init; }
    public Prose? Discussion { get; init; }
    public Prose? Reflections { get; init; }

    public List<Meeting> Meetings { get; } = [];
    public List<Decision> Decisions { get; } = [];
    public ImpactFigures Figures { get; set; } = ImpactFigures.Empty;

    public override IEnumerable<Prose> AllProse =>
        new[] { Body, Summary, InvolvementAim, InvolvementMethods, Discussion, Reflections }.OfType<Prose>();

    public string StatusLabel => Status switch { "planned" => "Planned", "active" => "Active", _ => "Completed" };
    public string DecisionsUrl { get; set; } = "";
    public string MeetingsUrl { get; set; } = "";
}
