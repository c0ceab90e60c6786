namespace ImpactSite.Content.Studies;

/// <summary>What 'impactsite new study' writes: every key with a plain-English comment, required ones filled in.</summary>
static class StudyStarter
{
    public static void Write(StarterWriter t, ScaffoldRequest r)
    {
        t.Title(r, "The study's name.");
        t.Comment("A plain-English summary, shown at the top of the study page and on study cards. Required.");
        t.Key("summary", t.Quoted("Write a plain-English summary of the study here: what it wants to find out, and for whom."));
        t.Comment($"Where the study is up to. Required. One of: {string.Join(", ", ContentKeys.StudyStatuses)}.");
        t.Key("status", "planned");
        t.Comment("The date the study started. Optional.");
        t.Off("started", StarterWriter.Iso(r.Date));
        t.Comment("The date the study ended; not before 'started'. Optional, but expected once the status is completed.");
        t.Off("ended", StarterWriter.Iso(r.Date));
        t.Comment("Who funds the study, and their reference for the grant. Optional.");
        t.Off("funder", StarterWriter.Quote("National Institute for Health and Care Research"));
        t.Off("funder_reference", StarterWriter.Quote("NIHR123456"));
        t.Comment("The involvement groups that advise the study. A meeting's 'group' must be one of these, spelt the same way. Optional.");
        t.Off("groups", "[LEAP North, Carers' Circle]");
        t.Comment("GRIPP2 short form, for the study's involvement report (markdown). Each is optional:",
            "the aim of involvement; how people were involved; what involvement changed, and what it did not;",
            "what went well and what you would do differently.");
        t.Off("involvement_aim", t.Quoted("Why you involved people, in a sentence or two."));
        t.Off("involvement_methods", t.Quoted("How people were involved: groups, meetings, reviews."));
        t.Off("discussion", t.Quoted("What involvement changed, and what it did not."));
        t.Off("reflections", t.Quoted("What went well, and what you would do differently."));
        t.Comment("A DOI for the study's data as a whole (for example from Zenodo), shown wherever the study is cited. Optional.");
        t.Off("doi", "10.5281/zenodo.1234567");
        t.Comment("Frozen, citable releases: each is the study as it stood at the end of its date (UTC), rebuilt from the git history,",
            "and never changes. Optional. Each has a date (today or earlier), a title, and a doi once one is minted.");
        t.Off("releases", "");
        t.Line($"#   - date: {StarterWriter.Iso(r.Date)}");
        t.Line("#     title: \"End-of-grant report\"");
    }
}
