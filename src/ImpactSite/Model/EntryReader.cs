using ImpactSite.Text;
using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Pages;
using ImpactSite.Content.People;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Studies;

namespace ImpactSite.Model;

/// <summary>
/// Turns parsed front matter into model entries, checking every rule of the content contract on the way.
/// Returns null for an entry too broken to publish; its problems are already in the diagnostics.
/// </summary>
public sealed partial class EntryReader(IReadOnlyDictionary<string, Person> people)
{
    readonly TypedName typedNames = new(people.Values);

    public Study? ReadStudy(FrontMatterDocument doc, string slug)
    {
        var f = doc.Fields;
        f.CheckUnknownKeys(ContentKeys.Study);
        var header = Header(doc, slug, ContentKinds.Study.Route(slug, null));
        var summary = Prose(f, "summary", required: true, inline: false, example: "A plain-English summary of the study.");
        var status = f.OneOf("status", ContentKeys.StudyStatuses, required: true);
        var started = f.Date("started");
        var ended = f.Date("ended");
        if (started is { } s && ended is { } e && e < s)
            f.Error(f.ValueAt("ended"), $"'ended' ({e:yyyy-MM-dd}) is before 'started' ({s:yyyy-MM-dd}): check both dates.");
        if (status == "completed" && ended is null)
            f.Warning(f.KeyAt("status"), "the study is 'completed' but has no 'ended' date: add 'ended: YYYY-MM-DD'.");
        var releases = ReadReleases(f);
        var doi = Doi.Read(f);
        if (header is null || summary is null || status is null) return null;
        return new Study(header)
        {
            Releases = releases, Doi = doi,
            Summary = summary, Status = status, Started = started, Ended = ended,
            Funder = f.Text("funder"), FunderReference = f.Text("funder_reference"),
            Groups = f.List("groups").Select(g => g.Value).ToList(),
            InvolvementAim = Prose(f, "involvement_aim", inline: false),
            InvolvementMethods = Prose(f, "involvement_methods", inline: false),
            Discussion = Prose(f, "discussion", inline: false),
            Reflections = Prose(f, "reflections", inline: false),
        };
    }

    /// <summary>The study's frozen releases, oldest first; one per date, since the date is the release's address.</summary>
    static IReadOnlyList<StudyRelease> ReadReleases(YamlFields f)
    {
        var releases = new List<StudyRelease>();
        foreach (var item in f.Mappings("releases"))
        {
            item.CheckUnknownKeys(ContentKeys.StudyRelease);
            var date = item.Date("date", required: true);
            var title = item.Text("title", required: true, example: "End-of-grant report");
            var doi = Doi.Read(item);
            if (date is null || title is null) continue;
            if (releases.Any(r => r.Date == date))
                item.Error(item.ValueAt("date"), $"there is already a release dated {date:yyyy-MM-dd}: a study has at most one release a day (the date is its address). Remove one, or change its date.");
            else releases.Add(new StudyRelease(date.Value, title, doi, item.At));
        }
        return releases.OrderBy(r => r.Date).ToList();
    }

    public Meeting? ReadMeeting(FrontMatterDocument doc, Study study, string slug)
    {
        var f = doc.Fields;
        f.CheckUnknownKeys(ContentKeys.Meeting);
        var header = Header(doc, slug, ContentKinds.Meeting.Route(slug, study.Slug));
        var date = f.Date("date", required: true);
        var group = f.Text("group");
        if (group is not null && !study.Groups.Contains(group))
            f.Error(f.ValueAt("group"), study.Groups.Count == 0
                ? $"the group '{group}' is not listed in the study: add 'groups: [{group}]' to studies/{study.Slug}/index.md."
                : $"the group '{group}' is not one of the study's groups ({string.Join(", ", study.Groups)}).{Suggestions.DidYouMean(group, study.Groups)}");
        var attendees = PeopleList(f, "attendees");
        var count = f.WholeNumber("attendee_count");
        if (count is { } n && n < attendees.Count)
            f.Error(f.ValueAt("attendee_count"), $"'attendee_count' is {n} but {attendees.Count} attendees are listed: it must be at least the number listed.");
        var standards = StandardsList(f);
        var format = f.OneOf("format", ContentKeys.MeetingFormats);
        var chair = OnePerson(f, "chair");
        var stage = f.OneOf("stage", ResearchStages.Ids);
        if (header is null || date is null) return null;
        return new Meeting(header)
        {
            Study = study, Held = date.Value, Group = group, Format = format, Attendees = attendees,
            Chair = chair, AttendeeCount = count, Standards = standards, Stage = stage,
        };
    }

    public Decision? ReadDecision(FrontMatterDocument doc, Study study, IReadOnlyDictionary<string, Meeting> meetings, DateOnly today)
    {
        var f = doc.Fields;
        var slug = InputInventory.SlugOf(doc.Path);
        f.CheckUnknownKeys(ContentKeys.Decision);
        var header = Header(doc, slug, ContentKinds.Decision.Route(slug, study.Slug));
        var raised = f.Date("raised", required: true);
        var raisedAt = MeetingOf(f, meetings, study);
        if (raised is { } r && raisedAt is not null && r < raisedAt.Held)
            f.Warning(f.ValueAt("raised"), $"'raised' ({r:yyyy-MM-dd}) is before the meeting it was raised at ({raisedAt.Held:yyyy-MM-dd}).");
        if (raised is { } future && future > today)
            f.Warning(f.ValueAt("raised"), $"'raised' ({future:yyyy-MM-dd}) is after today's build date ({today:yyyy-MM-dd}).");
        var raisedBy = PeopleList(f, "raised_by");
        var youSaid = Prose(f, "you_said", required: true, inline: true, example: "What contributors suggested.");
        var status = f.OneOf("status", DecisionStatus.All, required: true);
        var weDid = Prose(f, "we_did", inline: true);
        var responded = f.Date("responded");
        var reason = Prose(f, "reason", inline: true);
        CheckResponse(f, status, weDid, responded, raised, reason);
        var updates = f.Mappings("updates").Select(u => ReadUpdate(u, raised, responded)).OfType<DecisionUpdate>().ToList();
        var standards = StandardsList(f);
        var stage = f.OneOf("stage", ResearchStages.Ids);
        var decidedBy = DecidedBy(f, study);
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
    IReadOnlyList<(string? Group, Person? Person)> DecidedBy(YamlFields f, Study study)
    {
        var items = f.List("decided_by");
        if (items is [var only] && !people.ContainsKey(only.Value.TrimStart('@').ToLowerInvariant()) && !IdLike().IsMatch(only.Value))
        {
            if (typedNames.Looks(only.Value, study.Groups))
                f.Warning(only.At, $"'decided_by: {only.Value}' looks like a person's name: name the group or role that decided (such as 'Trial steering committee'), " +
                    "or give the person's id from people.yml, so they are credited only as they agreed.");
            return [(only.Value, null)];
        }
        return items.Select(id => Lookup(f, id, "decided_by")).OfType<Person>().Distinct().Select(p => ((string?)null, (Person?)p)).ToList();
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

    DecisionUpdate? ReadUpdate(YamlFields u, DateOnly? raised, DateOnly? responded)
    {
        u.CheckUnknownKeys(ContentKeys.DecisionUpdate);
        var date = u.Date("date", required: true);
        var status = u.OneOf("status", DecisionStatus.All, required: true);
        var note = Prose(u, "note", required: true, inline: true, example: "raised with the ethics committee");
        if (date is { } d && raised is { } r && d < r)
            u.Error(u.ValueAt("date"), $"this update ({d:yyyy-MM-dd}) is before the suggestion was raised ({r:yyyy-MM-dd}).");
        if (date is { } late && responded is { } done && late > done)
            u.Warning(u.ValueAt("date"), $"this update ({late:yyyy-MM-dd}) is after the final response ({done:yyyy-MM-dd}); updates are the steps before it.");
        return date is null || status is null || note is null ? null : new DecisionUpdate(date.Value, status, note);
    }

    /// <param name="studyFolders">Every study folder, including studies whose index.md has errors: a post naming one of
    /// those gets no second error, since the study's own errors already stop the build.</param>
    public Post? ReadPost(FrontMatterDocument doc, IReadOnlyDictionary<string, Study> studies, IReadOnlyCollection<string> studyFolders, string slug)
    {
        var f = doc.Fields;
        f.CheckUnknownKeys(ContentKeys.Post);
        var header = Header(doc, slug, ContentKinds.Post.Route(slug, null));
        var date = f.Date("date", required: true);
        var authors = PeopleList(f, "authors", required: true);
        Study? study = null;
        if (f.Text("study") is { } studySlug && !studies.TryGetValue(studySlug, out study) && !studyFolders.Contains(studySlug))
            f.Error(f.ValueAt("study"), $"there is no study '{studySlug}' (studies/{studySlug}/index.md).{Suggestions.DidYouMean(studySlug, studies.Keys)}");
        var summary = Prose(f, "summary", inline: true);
        var standards = StandardsList(f);
        if (header is null || date is null || authors.Count == 0) return null;
        return new Post(header) { Published = date.Value, Authors = authors, Study = study, Summary = summary, Standards = standards };
    }

    public FreePage? ReadPage(FrontMatterDocument doc, string slug)
    {
        doc.Fields.CheckUnknownKeys(ContentKeys.Page);
        return Header(doc, slug, ContentKinds.Page.Route(slug, null)) is { } header ? new FreePage(header) : null;
    }

    EntryHeader? Header(FrontMatterDocument doc, string slug, string route)
    {
        var f = doc.Fields;
        var title = f.Text("title", required: true, example: "A short, plain title");
        var redirects = f.List("redirect_from").Where(r => CheckRedirect(f, r)).ToList();
        var header = new EntryHeader(slug, doc.Path, title ?? "", f.Flag("draft"), redirects, f.Date("updated"),
            f.List("tags").Select(t => t.Value).ToList(), f.Text("content_note"),
            new Prose(doc.Body, new SourceLocation(doc.Path, doc.BodyLine, 1), inline: false), route);
        return title is null ? null : header;
    }

    /// <summary>Old URLs must be plain paths on this site (<see cref="RedirectPath"/>).</summary>
    static bool CheckRedirect(YamlFields f, Located<string> from)
    {
        if (RedirectPath.Problem(from.Value) is not { } problem) return true;
        f.Error(from.At, problem);
        return false;
    }

    Prose? Prose(YamlFields f, string key, bool required = false, bool inline = false, string example = "...")
    {
        var text = f.Text(key, required, example);
        return text is null ? null : new Prose(text, f.ValueAt(key), inline);
    }

    IReadOnlyList<string> StandardsList(YamlFields f)
    {
        var list = new List<string>();
        foreach (var s in f.List("standards"))
            if (Standards.Ids.Contains(s.Value)) list.Add(s.Value);
            else f.Error(s.At, $"'{s.Value}' is not a standard ImpactSite knows: use one of {string.Join(", ", Standards.Ids)}.{Suggestions.DidYouMean(s.Value, Standards.Ids)}");
        return list.Distinct().ToList();
    }

    IReadOnlyList<Person> PeopleList(YamlFields f, string key, bool required = false) =>
        f.List(key, required).Select(id => Lookup(f, id, key)).OfType<Person>().Distinct().ToList();

    Person? OnePerson(YamlFields f, string key) =>
        f.Text(key) is { } id ? Lookup(f, new Located<string>(id, f.ValueAt(key)), key) : null;

    Person? Lookup(YamlFields f, Located<string> id, string key)
    {
        // Ids are lower case; 'Priya-F' is the same person as 'priya-f', as in a mention.
        var clean = id.Value.TrimStart('@').ToLowerInvariant();
        if (people.TryGetValue(clean, out var person)) return person;
        f.Error(id.At, $"'{key}' names '{id.Value}', who is not in people.yml: add them there, or correct the id.{Suggestions.DidYouMean(clean, people.Keys)}");
        return null;
    }

    static Meeting? MeetingOf(YamlFields f, IReadOnlyDictionary<string, Meeting> meetings, Study study)
    {
        if (f.Text("raised_at") is not { } slug) return null;
        if (meetings.TryGetValue(slug, out var meeting)) return meeting;
        f.Error(f.ValueAt("raised_at"), $"there is no meeting '{slug}' in this study (studies/{study.Slug}/meetings/{slug}.md).{Suggestions.DidYouMean(slug, meetings.Keys)}");
        return null;
    }
}
