using ImpactSite.Load;
using ImpactSite.Validate;

namespace ImpactSite.Model;

/// <summary>Load and model steps: reads the input folder into a <see cref="SiteGraph"/>, reporting every problem found.</summary>
public static class SiteGraphBuilder
{
    public static SiteGraph? Build(string inputRoot, DateOnly today, bool includeDrafts, DiagnosticBag diagnostics)
    {
        var inventory = InputInventory.Scan(inputRoot, diagnostics);
        if (inventory.SiteYml is null)
        {
            diagnostics.Error("site.yml", 1, 1, "site.yml is missing: create it with at least 'title: ...' and 'base_url: https://...'.");
            return null;
        }
        var settings = SiteSettingsReader.Read(YamlFields.Load("site.yml", Read(inputRoot, "site.yml", diagnostics).Text, 0, diagnostics));
        var people = inventory.PeopleYml is null ? [] : PeopleReader.Read(Read(inputRoot, "people.yml", diagnostics), diagnostics);
        foreach (var person in people.Values.Where(p => p.ConsentReview < today))
            diagnostics.Warning(person.At, $"consent for '{person.Id}' was due to be re-confirmed on {person.ConsentReview:yyyy-MM-dd}: check with them, then update 'consent_review'.");

        var documents = ParseAll(inputRoot, inventory, diagnostics);
        var reader = new EntryReader(people);
        var studies = ReadStudies(inventory, documents, reader, today, diagnostics);
        var studiesBySlug = studies.ToDictionary(s => s.Slug);
        var posts = inventory.Posts.Select(p => reader.ReadPost(documents[p], studiesBySlug, inventory.Studies.Keys, InputInventory.SlugOf(p))).OfType<Post>().ToList();
        var pages = inventory.Pages.Select(p => reader.ReadPage(documents[p], InputInventory.SlugOf(p))).OfType<FreePage>().ToList();
        if (settings is null) return null;

        var history = GitHistory.Read(inputRoot, documents.Keys);
        var drafts = new HashSet<string>(StringComparer.Ordinal);
        if (!includeDrafts) RemoveDrafts(studies, posts, pages, drafts);
        foreach (var post in posts) post.Study?.Posts.Add(post);
        var graph = new SiteGraph
        {
            Site = settings, InputRoot = inputRoot, BuildDate = today, People = people, Assets = inventory.Assets, LeftOutDrafts = drafts,
            Studies = studies.OrderBy(s => s.Title, StringComparer.OrdinalIgnoreCase).ToList(),
            Posts = posts.OrderByDescending(p => p.Published).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList(),
            Pages = pages.OrderBy(p => p.Slug, StringComparer.Ordinal).ToList(),
            BySource = new Dictionary<string, Entry>(StringComparer.Ordinal),
            SourceCommit = history.SourceCommit,
        };
        Complete(graph, history);
        return graph;
    }

    static SourceFile Read(string root, string path, DiagnosticBag diagnostics)
    {
        var file = SourceFile.Read(root, path, out var invalid);
        if (invalid) diagnostics.Error(path, 1, 1, "this file is not valid UTF-8 text: save it as UTF-8 in your editor.");
        return file;
    }

    static Dictionary<string, FrontMatterDocument> ParseAll(string root, InputInventory inventory, DiagnosticBag diagnostics)
    {
        var paths = inventory.Studies.Values.SelectMany(s => s.Meetings.Concat(s.Decisions).Append(s.Index).OfType<string>())
            .Concat(inventory.Posts).Concat(inventory.Pages).ToArray();
        var parsed = new FrontMatterDocument[paths.Length];
        Parallel.For(0, paths.Length, i => parsed[i] = FrontMatterDocument.Parse(Read(root, paths[i], diagnostics), diagnostics));
        return parsed.ToDictionary(d => d.Path, StringComparer.Ordinal);
    }

    static List<Study> ReadStudies(InputInventory inventory, Dictionary<string, FrontMatterDocument> documents, EntryReader reader, DateOnly today, DiagnosticBag diagnostics)
    {
        var studies = new List<Study>();
        foreach (var files in inventory.Studies.Values)
        {
            if (files.Index is null)
            {
                var first = files.Meetings.Concat(files.Decisions).First();
                diagnostics.Error(SourceLocation.StartOf(first),
                    $"the study '{files.Slug}' has no index.md: create studies/{files.Slug}/index.md with its title, summary and status.");
                continue;
            }
            if (reader.ReadStudy(documents[files.Index], files.Slug) is not { } study) continue;
            var meetings = files.Meetings.Select(m => reader.ReadMeeting(documents[m], study, InputInventory.SlugOf(m)))
                .OfType<Meeting>().ToDictionary(m => m.Slug, StringComparer.Ordinal);
            study.Meetings.AddRange(meetings.Values.OrderByDescending(m => m.Held).ThenBy(m => m.Slug, StringComparer.Ordinal));
            study.Decisions.AddRange(files.Decisions.Select(d => reader.ReadDecision(documents[d], study, meetings, today))
                .OfType<Decision>().OrderByDescending(d => d.Raised).ThenBy(d => d.Slug, StringComparer.Ordinal));
            studies.Add(study);
        }
        return studies;
    }

    /// <summary>Drafts (and everything inside a draft study) are left out unless 'build --drafts'.</summary>
    static void RemoveDrafts(List<Study> studies, List<Post> posts, List<FreePage> pages, HashSet<string> removed)
    {
        bool Drop(Entry e)
        {
            if (e.Draft) removed.Add(e.SourcePath);
            return e.Draft;
        }
        foreach (var study in studies.Where(s => s.Draft))
        {
            study.Meetings.ForEach(m => removed.Add(m.SourcePath));
            study.Decisions.ForEach(d => removed.Add(d.SourcePath));
        }
        studies.RemoveAll(Drop);
        foreach (var study in studies)
        {
            study.Meetings.RemoveAll(Drop);
            study.Decisions.RemoveAll(Drop);
        }
        posts.RemoveAll(p => Drop(p) || (p.Study?.Draft ?? false) && removed.Add(p.SourcePath));
        pages.RemoveAll(Drop);
    }

    /// <summary>Fills what depends on the whole graph: URLs, overdue flags, figures and back-links.</summary>
    static void Complete(SiteGraph graph, GitHistory history)
    {
        var site = graph.Site;
        var bySource = (Dictionary<string, Entry>)graph.BySource;
        foreach (var entry in graph.Entries)
        {
            entry.Url = site.Href(entry.Route);
            entry.AbsoluteUrl = site.Absolute(entry.Route);
            entry.Updated ??= history.LastChanged(entry.SourcePath);
            if (site.RepositoryUrl is { } repo && history.Branch is { } branch)
                entry.HistoryUrl = $"{repo}/commits/{branch}/{history.InRepository(entry.SourcePath)}";
            bySource[entry.SourcePath] = entry;
        }
        foreach (var study in graph.Studies)
        {
            study.DecisionsUrl = site.Href(study.Route + "decisions/");
            study.MeetingsUrl = site.Href(study.Route + "meetings/");
            foreach (var decision in study.Decisions)
            {
                decision.DaysWaiting = graph.BuildDate.DayNumber - decision.Raised.DayNumber;
                decision.Overdue = !decision.IsResponded && decision.DaysWaiting > site.OverdueAfterDays;
                decision.RaisedAt?.DecisionsRaised.Add(decision);
            }
            study.Figures = ImpactFigures.Compute(study.Meetings, study.Decisions);
        }
    }
}
