using ImpactSite.Content.Decisions;
using ImpactSite.Content;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Letters;

/// <summary>
/// Who a digest is for: one study, one involvement group, one person, or everyone (all null). Filters combine: a group's
/// digest for one study holds only what that group did in that study.
/// </summary>
public sealed record DigestScope(Study? Study = null, string? Group = null, Person? Person = null)
{
    public bool Covers(Study study) =>
        (Study is null || study == Study) && (Group is null || study.Groups.Contains(Group, StringComparer.Ordinal));

    public bool Includes(Meeting meeting) =>
        Covers(meeting.Study) && (Group is null || meeting.Group == Group) && (Person is null || Attended(meeting));

    /// <summary>A suggestion belongs to the group it was raised at (or to every group of its study when no meeting is
    /// named), and to the people who raised it, were at the meeting it was raised at, or decided it.</summary>
    public bool Includes(Decision decision) =>
        Covers(decision.Study)
        && (Group is null || (decision.RaisedAt?.Group ?? Group) == Group)
        && (Person is null || decision.RaisedBy.Contains(Person) || decision.DecidedByPeople.Contains(Person)
            || (decision.RaisedAt is { } meeting && Attended(meeting)));

    /// <summary>Posts about a study go to everyone that study's news goes to; posts about no study go to everyone,
    /// unless the digest is for one study. A person also gets every post they co-wrote.</summary>
    public bool Includes(Post post) =>
        (Person is not null && post.Authors.Contains(Person)) || (post.Study is { } study ? Covers(study) : Study is null);

    bool Attended(Meeting meeting) => meeting.Attendees.Contains(Person!) || meeting.Chair == Person;
}

/// <summary>One suggestion with news in the period: answered in it, or with progress steps in it, or both.</summary>
public sealed record DigestItem(Decision Decision, bool AnsweredInPeriod, IReadOnlyList<DecisionUpdate> StepsInPeriod);

/// <summary>
/// The news of one study for the digest's readers. Each suggestion is in exactly one list: answered in the period,
/// with progress in the period, or still waiting with no news.
/// </summary>
public sealed record StudyNews(Study Study, IReadOnlyList<Meeting> Meetings, IReadOnlyList<DigestItem> Answered,
    IReadOnlyList<DigestItem> Progress, IReadOnlyList<Decision> Waiting, IReadOnlyList<Post> Posts)
{
    public bool IsEmpty => Meetings.Count + Answered.Count + Progress.Count + Waiting.Count + Posts.Count == 0;
}

/// <summary>
/// What happened in [Since, Until] (Until is the build date) for the people a digest goes to: meetings held, posts
/// published, suggestions answered or moved on, grouped by study, and what is still waiting. Built from a finished
/// <see cref="SiteGraph"/>, so prose is rendered and mentions are public credits.
/// </summary>
public sealed class Digest
{
    public required SiteSettings Site { get; init; }
    public required DateOnly Since { get; init; }
    public required DateOnly Until { get; init; }
    public required DigestScope Scope { get; init; }
    public required IReadOnlyList<StudyNews> Studies { get; init; }
    /// <summary>Posts of the period about no particular study.</summary>
    public required IReadOnlyList<Post> OtherPosts { get; init; }

    public int Meetings => Studies.Sum(s => s.Meetings.Count);
    public int Answered => Studies.Sum(s => s.Answered.Count);
    public int AnsweredAs(string status) => Studies.Sum(s => s.Answered.Count(i => i.Decision.Status == status));
    public int Progressed => Studies.Sum(s => s.Progress.Count);
    public int Waiting => Studies.Sum(s => s.Waiting.Count);
    public int Posts => Studies.Sum(s => s.Posts.Count) + OtherPosts.Count;
    /// <summary>Suggestions with news (answered or moved on) in the period.</summary>
    public int WithNews => Answered + Progressed;

    public static Digest Build(SiteGraph graph, DateOnly since, DigestScope scope)
    {
        var until = graph.BuildDate;
        bool InPeriod(DateOnly? date) => date is { } d && d >= since && d <= until;
        List<DecisionUpdate> Steps(Decision d) => d.Updates.Where(u => InPeriod(u.Date)).ToList();

        var studies = new List<StudyNews>();
        foreach (var study in graph.Studies.Where(scope.Covers))
        {
            var decisions = study.Decisions.Where(scope.Includes).ToList();
            var answered = decisions.Where(d => d.IsResponded && InPeriod(d.Responded))
                .Select(d => new DigestItem(d, true, Steps(d))).OrderBy(i => i.Decision.Responded).ToList();
            var progress = decisions.Except(answered.Select(i => i.Decision)).Where(d => Steps(d).Count > 0)
                .Select(d => new DigestItem(d, false, Steps(d))).OrderBy(i => i.StepsInPeriod[^1].Date).ToList();
            var waiting = decisions.Where(d => !d.IsResponded).Except(progress.Select(i => i.Decision))
                .OrderBy(d => d.Raised).ThenBy(d => d.Title, StringComparer.OrdinalIgnoreCase).ToList();
            var meetings = study.Meetings.Where(m => scope.Includes(m) && InPeriod(m.Held)).OrderBy(m => m.Held).ToList();
            var posts = graph.PostsAbout(study).Where(p => scope.Includes(p) && InPeriod(p.Published)).OrderBy(p => p.Published).ToList();
            var news = new StudyNews(study, meetings, answered, progress, waiting, posts);
            if (!news.IsEmpty) studies.Add(news);
        }
        var otherPosts = graph.Posts.Where(p => (p.Study is null || !scope.Covers(p.Study)) && scope.Includes(p) && InPeriod(p.Published))
            .OrderBy(p => p.Published).ToList();
        return new Digest { Site = graph.Site, Since = since, Until = until, Scope = scope, Studies = studies, OtherPosts = otherPosts };
    }
}
