using ImpactSite.Content.Studies;
using ImpactSite.Load;
using ImpactSite.Validate;

namespace ImpactSite.Content.Meetings;

/// <summary>Reads studies/&lt;study&gt;/meetings/&lt;slug&gt;.md, checking every rule of the contract on the way.</summary>
static class MeetingReader
{
    public static Meeting? Read(FrontMatterDocument doc, Study study, string slug, EntryReading reading)
    {
        var f = doc.Fields;
        f.CheckUnknownKeys(ContentKinds.Meeting.KeyNames);
        var header = reading.Header(doc, slug, ContentKinds.Meeting.Route(slug, study.Slug));
        var date = f.Date("date", required: true);
        var group = f.Text("group");
        if (group is not null && !study.Groups.Contains(group))
            f.Error(f.ValueAt("group"), study.Groups.Count == 0
                ? $"the group '{group}' is not listed in the study: add 'groups: [{group}]' to studies/{study.Slug}/index.md."
                : $"the group '{group}' is not one of the study's groups ({string.Join(", ", study.Groups)}).{Suggestions.DidYouMean(group, study.Groups)}");
        var attendees = reading.PeopleList(f, "attendees");
        var count = f.WholeNumber("attendee_count");
        if (count is { } n && n < attendees.Count)
            f.Error(f.ValueAt("attendee_count"), $"'attendee_count' is {n} but {attendees.Count} attendees are listed: it must be at least the number listed.");
        var standards = reading.StandardsList(f);
        var format = f.OneOf("format", MeetingKind.Formats);
        var chair = reading.OnePerson(f, "chair");
        var stage = f.OneOf("stage", ResearchStages.Ids);
        if (header is null || date is null) return null;
        return new Meeting(header)
        {
            Study = study, Held = date.Value, Group = group, Format = format, Attendees = attendees,
            Chair = chair, AttendeeCount = count, Standards = standards, Stage = stage,
        };
    }
}
