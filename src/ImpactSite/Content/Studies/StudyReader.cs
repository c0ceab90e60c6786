using ImpactSite.Load;

namespace ImpactSite.Content.Studies;

/// <summary>Reads studies/&lt;study&gt;/index.md, checking every rule of the contract on the way.</summary>
public static class StudyReader
{
    /// <summary>The study; null when it is too broken to publish (its problems are reported).</summary>
    public static Study? Read(FrontMatterDocument doc, string slug, EntryReading reading)
    {
        var f = doc.Fields;
        f.CheckUnknownKeys(ContentKinds.Study.KeyNames);
        var header = reading.Header(doc, slug, ContentKinds.Study.Route(slug, null));
        var summary = reading.Prose(f, "summary", required: true, inline: false, example: "A plain-English summary of the study.");
        var status = f.OneOf("status", StudyKind.Statuses, required: true);
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
            InvolvementAim = reading.Prose(f, "involvement_aim", inline: false),
            InvolvementMethods = reading.Prose(f, "involvement_methods", inline: false),
            Discussion = reading.Prose(f, "discussion", inline: false),
            Reflections = reading.Prose(f, "reflections", inline: false),
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
}
