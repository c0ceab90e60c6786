using ImpactSite.Load;
using ImpactSite.Validate;

namespace ImpactSite.Model;

/// <summary>Load and model steps: reads the input folder into a <see cref="SiteGraph"/>, reporting every problem found.</summary>
public static class SiteGraphBuilder
{
    /// <param name="cache">Parsed files kept from the previous build (the preview), or null to parse every file.</param>
    public static SiteGraph? Build(string inputRoot, DateOnly today, bool includeDrafts, DiagnosticBag diagnostics, ParseCache? cache = null)
    {
        var parser = new Parser(inputRoot, cache);
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

        var reader = new EntryReader(people);
        var studies = ReadStudies(parser, inventory, reader, today, diagnostics);
        var studiesBySlug = studies.ToDictionary(s => s.Slug);
        var posts = ParseAndRead(parser, inventory.Posts, diagnostics,
            (doc, path) => reader.ReadPost(doc, studiesBySlug, inventory.Studies.Keys, InputInventory.SlugOf(path)));
        var pages = ParseAndRead(parser, inventory.Pages, diagnostics, (doc, path) => reader.ReadPage(doc, InputInventory.SlugOf(path)));
        if (settings is null) return null;

        var history = GitHistory.Read(inputRoot, MarkdownFiles(inventory));
        var drafts = new HashSet<string>(StringComparer.Ordinal);
        if (!includeDrafts) RemoveDrafts(studies, posts, pages, drafts);
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

    /// <summary>Parses a markdown file, or takes it from the cache when it has not changed.</summary>
    sealed class Parser(string root, ParseCache? cache)
    {
        public FrontMatterDocument Parse(string path, DiagnosticBag diagnostics) => cache is null
            ? FrontMatterDocument.Parse(Read(root, path, diagnostics), diagnostics)
            : cache.Parse(root, path, diagnostics, own => FrontMatterDocument.Parse(Read(root, path, own), own));
    }

    static string[] MarkdownFiles(InputInventory inventory) =>
        inventory.Studies.Values.SelectMany(s => s.Meetings.Concat(s.Decisions).Append(s.Index).OfType<string>())
            .Concat(inventory.Posts).Concat(inventory.Pages).ToArray();

    /// <summary>
    /// Parses and reads each file on its own, in parallel, so its YAML tree is garbage as soon as its entry exists
    /// (keeping every tree until all files were parsed made each collection copy them all). Keeps the input order.
    /// </summary>
    static List<T> ParseAndRead<T>(Parser parser, IReadOnlyList<string> paths, DiagnosticBag diagnostics, Func<FrontMatterDocument, string, T?> read)
        where T : class
    {
        var results = new T?[paths.Count];
        Parallel.For(0, paths.Count, i => results[i] = read(parser.Parse(paths[i], diagnostics), paths[i]));
        return results.OfType<T>().ToList();
    }

    /// <summary>Studies in parallel: each needs only its own files (and people), and its meetings before its decisions.</summary>
    static List<Study> ReadStudies(Parser parser, InputInventory inventory, EntryReader reader, DateOnly today, DiagnosticBag diagnostics)
    {
        var folders = inventory.Studies.Values.ToArray();
        var studies = new Study?[folders.Length];
        Parallel.For(0, folders.Length, i => studies[i] = ReadStudy(parser, folders[i], reader, today, diagnostics));
        return studies.OfType<Study>().ToList();
    }

    static Study? ReadStudy(Parser parser, InputInventory.StudyFiles files, EntryReader reader, DateOnly today, DiagnosticBag diagnostics)
    {
        // Every file is parsed even when the study cannot be read, so each file's own errors are still reported.
        var meetingDocs = ParseAll(parser, files.Meetings, diagnostics);
        var decisionDocs = ParseAll(parser, files.Decisions, diagnostics);
        if (files.Index is null)
        {
            var first = files.Meetings.Concat(files.Decisions).First();
            diagnostics.Error(SourceLocation.StartOf(first),
                $"the study '{files.Slug}' has no index.md: create studies/{files.Slug}/index.md with its title, summary and status.");
            return null;
        }
        if (reader.ReadStudy(parser.Parse(files.Index, diagnostics), files.Slug) is not { } study) return null;
        var meetings = meetingDocs.Select(m => reader.ReadMeeting(m, study, InputInventory.SlugOf(m.Path)))
            .OfType<Meeting>().ToDictionary(m => m.Slug, StringComparer.Ordinal);
        study.Meetings.AddRange(meetings.Values.OrderByDescending(m => m.Held).ThenBy(m => m.Slug, StringComparer.Ordinal));
        study.Decisions.AddRange(decisionDocs.Select(d => reader.ReadDecision(d, study, meetings, today))
            .OfType<Decision>().OrderByDescending(d => d.Raised).ThenBy(d => d.Slug, StringComparer.Ordinal));
        return study;
    }

    /// <summary>A study's files in parallel too, so one large study does not leave a core idle.</summary>
    static FrontMatterDocument[] ParseAll(Parser parser, List<string> paths, DiagnosticBag diagnostics)
    {
        var parsed = new FrontMatterDocument[paths.Count];
        Parallel.For(0, paths.Count, i => parsed[i] = parser.Parse(paths[i], diagnostics));
        return parsed;
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
