using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;
using ImpactSite.Load;
using ImpactSite.Text;
using ImpactSite.Validate;

namespace ImpactSite.Content.Decisions;

/// <summary>Reads studies/&lt;study&gt;/decisions/&lt;slug&gt;.md, checking every rule of the contract on the way.</summary>
static partial class DecisionReader
{
    public static Decision? Read(FrontMatterDocument doc, Study study, string slug, EntryReading reading, DateOnly today)
    {
        var f = doc.Fields;
        f.CheckUnknownKeys(ContentKinds.Decision.KeyNames);
        var header = reading.Header(doc, slug, ContentKinds.Decision.Route(slug, study.Slug));
        var raised = f.Date("raised", required: true);
        var raisedAt = MeetingOf(f, study);
        if (raised is { } r && raisedAt is not null && r < raisedAt.Held)
            f.Warning(f.ValueAt("raised"), $"'raised' ({r:yyyy-MM-dd}) is before the meeting it was raised at ({raisedAt.Held:yyyy-MM-dd}).");
        if (raised is { } future && future > today)
            f.Warning(f.ValueAt("raised"), $"'raised' ({future:yyyy-MM-dd}) is after today's build date ({today:yyyy-MM-dd}).");
        var raisedBy = reading.PeopleList(f, "raised_by");
        var youSaid = reading.Prose(f, "you_said", required: true, inline: true, example: "What contributors suggested.");
        var status = f.OneOf("status", DecisionStatus.All, required: true);
        var weDid = reading.Prose(f, "we_did", inline: true);
        var responded = f.Date("responded");
        var reason = reading.Prose(f, "reason", inline: true);
        CheckResponse(f, status, weDid, responded, raised, reason);
        var updates = f.Mappings("updates").Select(u => ReadUpdate(u, raised, responded, reading)).OfType<DecisionUpdate>().ToList();
        var standards = reading.StandardsList(f);
        var stage = f.OneOf("stage", ResearchStages.Ids);
        var decidedBy = DecidedBy(f, study, reading);
        if (header is null || raised is null || youSaid is null || status is null) return null;
        return new Decision(header)
        {
            Study = study, Raised = raised.Value, RaisedAt = raisedAt, RaisedBy = raisedBy, YouSaid = youSaid, Status = status,
            WeDid = weDid, Responded = weDid is null ? null : responded, Reason = reason,
            DecidedBy = decidedBy.Count == 0 ? null : decidedBy[0].Group ?? English.List(decidedBy.Select(d => d.Person!.Credit).ToList()),
            DecidedByPeople = decidedBy.Select(d => d.Person).OfType<Person>().ToList(),
            Standards = standards, Updates = updates.OrderBy(u => u.Date).ToList(), OwnStage = stage,
        };
    }

    /// <summary>
    /// 'decided_by' is a group or role ("Trial steering committee"), or person ids, credited as each person consented. A
    /// value written like an id (with @, or lower case with hyphens) must be one; text that looks like a typed name is a warning.
    /// </summary>
    static IReadOnlyList<(string? Group, Person? Person)> DecidedBy(YamlFields f, Study study, EntryReading reading)
    {
        var items = f.List("decided_by");
        if (items is [var only] && !reading.People.ContainsKey(only.Value.TrimStart('@').ToLowerInvariant()) && !IdLike().IsMatch(only.Value))
        {
            if (reading.TypedNames.Looks(only.Value, study.Groups))
                f.Warning(only.At, $"'decided_by: {only.Value}' looks like a person's name: name the group or role that decided (such as 'Trial steering committee'), " +
                    "or give the person's id from people.yml, so they are credited only as they agreed.");
            return [(only.Value, null)];
        }
        return items.Select(id => reading.Lookup(f, id, "decided_by")).OfType<Person>().Distinct().Select(p => ((string?)null, (Person?)p)).ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex("^(@.+|[a-z0-9]+(-[a-z0-9]+)+)$")]
    private static partial System.Text.RegularExpressions.Regex IdLike();

    /// <summary>Closing the loop: an answered suggestion must say what was done, when, and why not (all of) it.</summary>
    static void CheckResponse(YamlFields f, string? status, Prose? weDid, DateOnly? responded, DateOnly? raised, Prose? reason)
    {
        if (status is null) return;
        if (DecisionStatus.IsAnswered(status) && weDid is null)
            f.Error(f.KeyAt("status"), $"status '{status}' needs 'we_did' (missing or empty): say what the team did in response.");
        if (weDid is not null && responded is null && f.Text("responded") is null)
            f.Error(f.KeyAt("we_did"), "'we_did' needs a 'responded: YYYY-MM-DD' date (missing or empty): when the response was given.");
        if (!DecisionStatus.IsAnswered(status) && weDid is not null)
            f.Warning(f.KeyAt("status"), $"status is '{status}' but 'we_did' is filled in: if the suggestion has been answered, set status to adopted, partly-adopted or not-adopted.");
        if (responded is { } answered && raised is { } asked && answered < asked)
            f.Error(f.ValueAt("responded"), $"'responded' ({answered:yyyy-MM-dd}) is before 'raised' ({asked:yyyy-MM-dd}): a response cannot come before the suggestion.");
        if (status is DecisionStatus.NotAdopted or DecisionStatus.PartlyAdopted && reason is null)
            f.Error(f.KeyAt("status"), $"status '{status}' needs a 'reason' (missing or empty): explain to contributors why it was not (fully) adopted.");
    }

    static DecisionUpdate? ReadUpdate(YamlFields u, DateOnly? raised, DateOnly? responded, EntryReading reading)
    {
        u.CheckUnknownKeys(ContentKeys.DecisionUpdate);
        var date = u.Date("date", required: true);
        var status = u.OneOf("status", DecisionStatus.All, required: true);
        var note = reading.Prose(u, "note", required: true, inline: true, example: "raised with the ethics committee");
        if (date is { } d && raised is { } r && d < r)
            u.Error(u.ValueAt("date"), $"this update ({d:yyyy-MM-dd}) is before the suggestion was raised ({r:yyyy-MM-dd}).");
        if (date is { } late && responded is { } done && late > done)
            u.Warning(u.ValueAt("date"), $"this update ({late:yyyy-MM-dd}) is after the final response ({done:yyyy-MM-dd}); updates are the steps before it.");
        return date is null || status is null || note is null ? null : new DecisionUpdate(date.Value, status, note);
    }

    /// <summary>raised_at: a meeting of this study, read before its decisions (<see cref="MeetingKind.Order"/>).</summary>
    static Meeting? MeetingOf(YamlFields f, Study study)
    {
        if (f.Text("raised_at") is not { } slug) return null;
        if (study.MeetingCalled(slug) is { } meeting) return meeting;
        f.Error(f.ValueAt("raised_at"), $"there is no meeting '{slug}' in this study (studies/{study.Slug}/meetings/{slug}.md).{Suggestions.DidYouMean(slug, study.Meetings.Select(m => m.Slug))}");
        return null;
    }
}
