namespace ImpactSite.Content.Meetings;

/// <summary>What 'impactsite new meeting' writes: every key with a plain-English comment, required ones filled in.</summary>
static class MeetingStarter
{
    public static void Write(StarterWriter t, ScaffoldRequest r)
    {
        t.Title(r, "What the meeting was about.");
        t.Comment("The date it was held. Required.");
        t.Key("date", StarterWriter.Iso(r.Date));
        t.Comment("Which group met. Optional; must be one of the study's groups, spelt the same way.",
            r.Groups.Count == 0
                ? $"The study lists no groups yet: add them as 'groups' in studies/{r.Study}/index.md first."
                : $"This study's groups: {StarterWriter.List(r.Groups)}.");
        t.Off("group", StarterWriter.Quote(r.Groups.Count > 0 ? r.Groups[0] : "LEAP North"));
        t.Comment($"How it was held. Optional. One of: {string.Join(", ", ContentKeys.MeetingFormats)}.");
        t.Off("format", ContentKeys.MeetingFormats[0]);
        t.PeopleHint(r);
        t.Comment("Who chaired it: one person id from people.yml (without @). Optional.");
        t.Off("chair", "person-id");
        t.Comment("People who agreed to be listed as attending: person ids from people.yml. Optional.");
        t.Off("attendees", "[person-id, another-person-id]");
        t.Comment("How many came in total, when not everyone is listed. Must be at least the number listed. Optional.");
        t.Off("attendee_count", "8");
        t.Standards("this meeting");
        t.Stage("the meeting");
    }
}
