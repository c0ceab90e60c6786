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
    /// <summary>From front matter, else from git history (filled by the model step).</summary>
    public DateOnly? Updated { get; set; } = header.Updated;
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
}

public sealed class Study(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Study;
    public override DateOnly? Date => Started;
    public required Prose Summary { get; init; }
    public required string Status { get; init; }
    public DateOnly? Started { get; init; }
    public DateOnly? Ended { get; init; }
    public string? Funder { get; init; }
    public string? FunderReference { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
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
    public List<Decision> DecisionsRaised { get; } = [];

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
    public string? DecidedBy { get; init; }
    public IReadOnlyList<string> Standards { get; init; } = [];
    public IReadOnlyList<DecisionUpdate> Updates { get; init; } = [];

    public override IEnumerable<Prose> AllProse =>
        new[] { Body, YouSaid, WeDid, Reason }.OfType<Prose>().Concat(Updates.Select(u => u.Note));

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
}
