using ImpactSite.Content.Studies;
using ImpactSite.Load;
using ImpactSite.Validate;

namespace ImpactSite.Content.Posts;

/// <summary>Reads posts/&lt;slug&gt;.md, checking every rule of the contract on the way.</summary>
static class PostReader
{
    public static Post? Read(FrontMatterDocument doc, EntrySource source)
    {
        var (f, reading) = (doc.Fields, source.Reading);
        f.CheckUnknownKeys(ContentKinds.Post.KeyNames);
        var header = reading.Header(doc, source.Slug, ContentKinds.Post.Route(source.Slug, null));
        var date = f.Date("date", required: true);
        var authors = reading.PeopleList(f, "authors", required: true);
        Study? study = null;
        if (f.Text("study") is { } studySlug && !source.Studies.TryGetValue(studySlug, out study) && !source.StudyFolders.Contains(studySlug))
            f.Error(f.ValueAt("study"), $"there is no study '{studySlug}' (studies/{studySlug}/index.md).{Suggestions.DidYouMean(studySlug, source.Studies.Keys)}");
        var summary = reading.Prose(f, "summary", inline: true);
        var standards = reading.StandardsList(f);
        if (header is null || date is null || authors.Count == 0) return null;
        return new Post(header) { Published = date.Value, Authors = authors, Study = study, Summary = summary, Standards = standards };
    }
}
