using ImpactSite.Content;
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

    /// <summary>The entries of each kind in the study's folder, as each kind lists them (a list of its own entry type).</summary>
    readonly Dictionary<EntryKind, IReadOnlyList<Entry>> entries = ContentKinds.InStudies.ToDictionary(k => k, k => k.Listed([]));
    Dictionary<string, Meeting>? meetingsBySlug;

    public IReadOnlyList<Entry> EntriesOf(EntryKind kind) => entries[kind];
    /// <summary>Sets a kind's entries once they are read, and again without drafts.</summary>
    public void SetEntries(EntryKind kind, IEnumerable<Entry> list)
    {
        entries[kind] = kind.Listed(list);
        meetingsBySlug = null;
    }
    /// <summary>Every entry in the study's folder, kind by kind.</summary>
    public IEnumerable<Entry> Contents => ContentKinds.InStudies.SelectMany(EntriesOf);

    public IReadOnlyList<Meeting> Meetings => (IReadOnlyList<Meeting>)entries[ContentKinds.Meeting];
    public IReadOnlyList<Decision> Decisions => (IReadOnlyList<Decision>)entries[ContentKinds.Decision];
    /// <summary>A meeting of this study by its slug (a decision's raised_at).</summary>
    public Meeting? MeetingCalled(string slug) =>
        (meetingsBySlug ??= Meetings.ToDictionary(m => m.Slug, StringComparer.Ordinal)).GetValueOrDefault(slug);
    public ImpactFigures Figures { get; set; } = ImpactFigures.Empty;

    public override IEnumerable<Prose> AllProse =>
        new[] { Body, Summary, InvolvementAim, InvolvementMethods, Discussion, Reflections }.OfType<Prose>();

    public string StatusLabel => Status switch { "planned" => "Planned", "active" => "Active", _ => "Completed" };
    public string DecisionsUrl { get; set; } = "";
    public string MeetingsUrl { get; set; } = "";
}
