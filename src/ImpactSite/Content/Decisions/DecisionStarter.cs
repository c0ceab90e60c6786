namespace ImpactSite.Content.Decisions;

/// <summary>What 'impactsite new decision' writes: every key with a plain-English comment, required ones filled in.</summary>
static class DecisionStarter
{
    public static void Write(StarterWriter t, ScaffoldRequest r)
    {
        t.Title(r, "The suggestion in a few words.");
        t.Comment("The date the suggestion was made. Required.");
        t.Key("raised", StarterWriter.Iso(r.Date));
        t.Comment("The meeting it was made at: that meeting's file name without .md. Optional; must be a meeting of this study.",
            r.Meetings.Count == 0 ? $"This study has no meetings yet (studies/{r.Study}/meetings/)." : $"Meetings of this study: {StarterWriter.List(r.Meetings)}.");
        t.Off("raised_at", "meeting-file-name");
        t.PeopleHint(r);
        t.Comment("Who made the suggestion: person ids from people.yml (without @). Optional: leave it out to show \"raised by the group\".");
        t.Off("raised_by", "[person-id]");
        t.Comment("What contributors said, in a short paragraph. Required. Markdown is allowed; mention people as @id, never by name.",
            "Put the text in quotes if it contains ': ' or starts with @.");
        t.Key("you_said", t.Quoted("Write what contributors said here."));
        t.Comment($"What has happened to the suggestion. Required. One of: {string.Join(", ", DecisionStatus.All)}.",
            "Open means not yet answered and considering means being worked on. The other three are answers: they need we_did and responded.");
        t.Key("status", DecisionStatus.Open);
        t.Comment("What the team did in response (markdown). Required for adopted, partly-adopted and not-adopted.");
        t.Off("we_did", t.Quoted("Write what the team did in response here."));
        t.Comment("The date the response was given. Required with we_did; not before 'raised'.");
        t.Off("responded", StarterWriter.Iso(r.Date));
        t.Comment("Why it was not adopted, or not in full (markdown). Required for partly-adopted and not-adopted.");
        t.Off("reason", t.Quoted("Explain why here."));
        t.Comment("Who made the call, such as a committee or a role. Optional. Plain text: never a person's name.");
        t.Off("decided_by", StarterWriter.Quote("Trial steering committee"));
        t.Standards("this decision");
        t.Stage("the suggestion");
        t.Comment("Steps before the final response, so contributors can see something is happening. Optional.",
            $"Each step has a date (not before 'raised'), a status ({string.Join(", ", DecisionStatus.All)}) and a short note.");
        t.Off("updates", "");
        t.Line($"#   - date: {StarterWriter.Iso(r.Date)}");
        t.Line($"#     status: {DecisionStatus.Considering}");
        t.Line("#     note: \"Raised with the research ethics committee.\"");
    }
}
