using System.Collections.Concurrent;
using System.Reflection;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Posts;

namespace ImpactSite.Content.Studies;

[Layout("study")]
public sealed record StudyPageView : PageView
{
    public required Study Study { get; init; }
    public required IReadOnlyList<Post> Posts { get; init; }
    public required IReadOnlyList<QuarterActivity> Timeline { get; init; }
    public required IReadOnlyList<StandardCoverage> Coverage { get; init; }
    /// <summary>Suggestions that changed the study (adopted or partly adopted), newest first: the story's first screen.</summary>
    public required IReadOnlyList<Decision> Changes { get; init; }
    /// <summary>Each entry tagged with a standard once, with all its standards: no entry listed under several headings.</summary>
    public required IReadOnlyList<EntryStandards> StandardEntries { get; init; }
    public required IReadOnlyList<StatusFilter> Filters { get; init; }
    public required IReadOnlyList<ReleaseView> Releases { get; init; }
}

/// <summary>A frozen release of a study: the study now (for its link) and the release as it stood then.</summary>
[Layout("release")]
public sealed record ReleasePageView : PageView
{
    public required Study Study { get; init; }
    public required ReleaseView Release { get; init; }
}

[Layout("decisions")]
public sealed record DecisionsPageView : PageView
{
    public required Study Study { get; init; }
    public required IReadOnlyList<StatusFilter> Filters { get; init; }
    public required IReadOnlyList<TopicLink> Topics { get; init; }
}

/// <summary>A study's suggestions with one status: the log filtered without JavaScript.</summary>
[Layout("decisions-status")]
public sealed record DecisionsByStatusPageView : PageView
{
    public required Study Study { get; init; }
    public required StatusFilter Status { get; init; }
    public required IReadOnlyList<Decision> Decisions { get; init; }
    public required IReadOnlyList<StatusFilter> Filters { get; init; }
}

[Layout("meetings")]
public sealed record MeetingsPageView : PageView
{
    public required Study Study { get; init; }
}

/// <summary>One way to narrow a "you said, we did" log: a status with how many suggestions have it, and its page.</summary>
public sealed record StatusFilter(string Status, string Label, int Count, string Url, bool Current);

/// <summary>A topic (an entry's tag) with the page that lists everything about it, and how many entries that is.</summary>
public sealed record TopicLink(string Title, string Url, int Count);

/// <summary>An entry and the involvement standards it is tagged with, in words.</summary>
public sealed record EntryStandards(Entry Entry, IReadOnlyList<string> Labels);
