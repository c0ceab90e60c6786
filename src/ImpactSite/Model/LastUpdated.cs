using ImpactSite.Load;
using ImpactSite.Content;
using ImpactSite.Content.Studies;

namespace ImpactSite.Model;

/// <summary>
/// The contract's 'updated': what the content says, so a typo fix never re-dates an entry. An explicit 'updated', else the
/// latest dated event the file records; git history only for files that record no dates of their own (free pages: their kind says so); a
/// study is as new as its newest entry; and nothing is dated after the build date.
/// </summary>
public static class LastUpdated
{
    public static DateOnly? Of(Entry entry, GitHistory history, DateOnly today)
    {
        var date = entry.ExplicitUpdated ?? entry.LatestEvent ?? (entry.ContentKind.DatedByGit ? history.LastChanged(entry.SourcePath) : null);
        return NotAfter(date, today);
    }

    /// <summary>The latest of the study's own date and its entries' (already dated).</summary>
    public static DateOnly? OfStudy(Study study, DateOnly today) =>
        NotAfter(study.Contents.Select(e => e.Updated).Append(study.Updated).Max(), today);

    static DateOnly? NotAfter(DateOnly? date, DateOnly today) => date > today ? today : date;
}
