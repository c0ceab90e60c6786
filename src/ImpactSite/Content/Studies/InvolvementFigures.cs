using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;

namespace ImpactSite.Content.Studies;

/// <summary>
/// The figures a funder asks for beyond the decision log, from what the content already holds, as counts only: how many
/// different people took part (listed as attendees or chair of a meeting, or as raising a suggestion; never who), how
/// many attendances meetings had, and involvement by research stage.
/// </summary>
public sealed record InvolvementFigures(int Contributors, int Attendance, IReadOnlyList<StageCount> ByStage)
{
    public static InvolvementFigures Compute(IReadOnlyCollection<Meeting> meetings, IReadOnlyCollection<Decision> decisions)
    {
        var people = meetings.SelectMany(m => m.Chair is null ? m.Attendees : m.Attendees.Append(m.Chair))
            .Concat(decisions.SelectMany(d => d.RaisedBy)).Select(p => p.Id).Distinct(StringComparer.Ordinal).Count();
        // Every stage, in the research cycle's order, then the entries that name none: the same rows for every study.
        var byStage = ResearchStages.Ids.Append(null)
            .Select(stage => new StageCount(stage, meetings.Count(m => m.Stage == stage), decisions.Count(d => d.Stage == stage)))
            .ToList();
        return new(people, meetings.Sum(m => m.Attendance), byStage);
    }
}

/// <summary>Meetings and suggestions filed under one research stage (Stage null: none given).</summary>
public sealed record StageCount(string? Stage, int Meetings, int Suggestions);
