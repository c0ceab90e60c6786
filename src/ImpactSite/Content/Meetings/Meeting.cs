using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;

namespace ImpactSite.Content.Meetings;

public sealed class Meeting(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Meeting;
    public override DateOnly? Date => Held;
    public required Study Study { get; init; }
    public required DateOnly Held { get; init; }
    public string? Group { get; init; }
    public string? Format { get; init; }
    public IReadOnlyList<Person> Attendees { get; init; } = [];
    public Person? Chair { get; init; }
    public int? AttendeeCount { get; init; }
    public IReadOnlyList<string> Standards { get; init; } = [];
    /// <summary>The research stage the meeting was about (<see cref="ResearchStages"/>), if given.</summary>
    public string? Stage { get; init; }
    public List<Decision> DecisionsRaised { get; } = [];
    /// <summary>How many people took part: attendee_count when given, else those listed.</summary>
    public int Attendance => Math.Max(AttendeeCount ?? 0, Attendees.Count);

    public string? FormatLabel => Format switch { "in-person" => "In person", "online" => "Online", "hybrid" => "Hybrid (in person and online)", _ => null };
    /// <summary>Attendees listed by credit plus those present but not listed.</summary>
    public int? UnlistedAttendees => AttendeeCount is { } n && n > Attendees.Count ? n - Attendees.Count : null;
}
