using ImpactSite.Content;
using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content.Decisions;

namespace ImpactSite.Model;

/// <summary>The keys every markdown file may carry, and where the file is published.</summary>
public sealed record EntryHeader(
    string Slug, string SourcePath, string Title, bool Draft, IReadOnlyList<Located<string>> RedirectFrom,
    DateOnly? Updated, IReadOnlyList<string> Tags, string? ContentNote, Prose Body, string Route);

/// <summary>A markdown file that becomes a page.</summary>
public abstract class Entry(EntryHeader header)
{
    public string Slug => header.Slug;
    public string SourcePath => header.SourcePath;
    public string Title => header.Title;
    public bool Draft => header.Draft;
    public IReadOnlyList<Located<string>> RedirectFrom => header.RedirectFrom;
    public IReadOnlyList<string> Tags => header.Tags;
    public string? ContentNote => header.ContentNote;
    public Prose Body => header.Body;
    /// <summary>Site route such as "/studies/bridge/"; links use <see cref="Url"/>, which adds base_url's path.</summary>
    public string Route => header.Route;
    /// <summary>The file the entry's page is written to, worked out once: the preview plans every page again after each edit.</summary>
    public string OutputPath => outputPath ??= Routes.PathOf(Route);
    string? outputPath;
    /// <summary>The last meaningful change (filled by the model step, <see cref="LastUpdated"/>); null when nothing dates it.</summary>
    public DateOnly? Updated { get; set; } = header.Updated;
    /// <summary>The 'updated' the front matter gives, if any.</summary>
    public DateOnly? ExplicitUpdated => header.Updated;
    public string Url { get; set; } = "";
    public string AbsoluteUrl { get; set; } = "";
    /// <summary>"History of this page" link, when site.yml names the repository.</summary>
    public string? HistoryUrl { get; set; }

    /// <summary>Every piece of markdown this entry carries, so one step can render them all.</summary>
    public virtual IEnumerable<Prose> AllProse => [Body];

    /// <summary>The kind's definition: its keys, route, labels and layout (Content/).</summary>
    public abstract ContentKind ContentKind { get; }
    public string Kind => ContentKind.Name;
    /// <summary>The kind in words inside a sentence or list ("suggestion", "blog post").</summary>
    public string KindLabel => ContentKind.Label;
    /// <summary>The kind as a search result's label ("You said, we did").</summary>
    public string SearchLabel => ContentKind.SearchLabel;
    /// <summary>The date a reader would file this under (meeting date, post date, date raised).</summary>
    public abstract DateOnly? Date { get; }

    /// <summary>The latest dated event the file itself records (a meeting's date, a response, an update step).</summary>
    public virtual DateOnly? LatestEvent => Date;
}

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

public sealed class Post(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Post;
    public override DateOnly? Date => Published;
    public required DateOnly Published { get; init; }
    public IReadOnlyList<Person> Authors { get; init; } = [];
    public Study? Study { get; init; }
    public Prose? Summary { get; init; }
    public IReadOnlyList<string> Standards { get; init; } = [];

    public override IEnumerable<Prose> AllProse => Summary is null ? [Body] : [Body, Summary];
}

public sealed class FreePage(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Page;
    public override DateOnly? Date => Updated;
    /// <summary>A free page records no dates of its own: git history dates it.</summary>
    public override DateOnly? LatestEvent => null;
}
