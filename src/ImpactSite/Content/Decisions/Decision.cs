using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;

namespace ImpactSite.Content.Decisions;

public sealed record DecisionUpdate(DateOnly Date, string Status, Prose Note)
{
    public string StatusLabel => DecisionStatus.Label(Status);
}

public sealed class Decision(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Decision;
    public override DateOnly? Date => Raised;
    public required Study Study { get; init; }
    public required DateOnly Raised { get; init; }
    public Meeting? RaisedAt { get; init; }
    public IReadOnlyList<Person> RaisedBy { get; init; } = [];
    public required Prose YouSaid { get; init; }
    public required string Status { get; init; }
    public Prose? WeDid { get; init; }
    public DateOnly? Responded { get; init; }
    public Prose? Reason { get; init; }
    /// <summary>Who made the call, as published: the group or role written, or the public credits of the people named.</summary>
    public string? DecidedBy { get; init; }
    /// <summary>The people named in 'decided_by' (empty when it names a group or role).</summary>
    public IReadOnlyList<Person> DecidedByPeople { get; init; } = [];
    public IReadOnlyList<string> Standards { get; init; } = [];
    public IReadOnlyList<DecisionUpdate> Updates { get; init; } = [];
    public string? OwnStage { get; init; }
    /// <summary>Its own 'stage', else that of the meeting it was raised at.</summary>
    public string? Stage => OwnStage ?? RaisedAt?.Stage;

    public override IEnumerable<Prose> AllProse =>
        new[] { Body, YouSaid, WeDid, Reason }.OfType<Prose>().Concat(Updates.Select(u => u.Note));

    public override DateOnly? LatestEvent =>
        new DateOnly?[] { Raised, Responded }.Concat(Updates.Select(u => (DateOnly?)u.Date)).Max();

    public string StatusLabel => DecisionStatus.Label(Status);
    public bool IsResponded => WeDid is not null;
    public int? DaysToResponse => IsResponded && Responded is { } r ? r.DayNumber - Raised.DayNumber : null;
    /// <summary>Set by the model step from the build date and overdue_after_days.</summary>
    public bool Overdue { get; set; }
    public int DaysWaiting { get; set; }
}
