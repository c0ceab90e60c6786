using ImpactSite.Content;
using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content.People;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Model;

/// <summary>Load and model steps: reads the input folder into a <see cref="SiteGraph"/>, reporting every problem found.</summary>
public static class SiteGraphBuilder
{
    /// <param name="cache">What the previous build read (the preview), or null to read every file.</param>
    public static SiteGraph? Build(string inputRoot, DateOnly today, bool includeDrafts, DiagnosticBag diagnostics, ContentCache? cache = null)
    {
        var edits = cache?.EditsOnly(inputRoot);
        cache?.Parsed.Trust(edits);
        var parser = new Parser(inputRoot, cache?.Parsed);
        var scan = edits is not null ? cache!.Scanned! : ScanInput(inputRoot);
        if (edits is null) cache?.Parsed.KeepOnly(scan.Inventory.Holds);
        diagnostics.AddRange(scan.Problems);
        if (scan.Inventory.SiteYml is null)
        {
            diagnostics.Error("site.yml", 1, 1, "site.yml is missing: create it with at least 'title: ...' and 'base_url: https://...'.");
            return null;
        }
        var context = ContextFor(scan, inputRoot, today, includeDrafts, edits is null ? null : cache);
        diagnostics.AddRange(context.Problems);

        // Parts read in this same context are reused when none of their files changed. If what is published changed
        // (an entry became a draft or unreadable), links in reused prose may now point elsewhere: read everything again.
        var reading = new Reading(inputRoot, parser, context, cache?.Context == context ? cache : null, edits ?? new HashSet<string>());
        reading.ReadAll();
        if (context.Settings is not { } settings)
        {
            diagnostics.AddRange(reading.Problems);
            return null;
        }
        var graph = reading.Graph(settings);
        if (reading.ReusedAny && reading.PublishedChanged)
        {
            reading = new Reading(inputRoot, parser, context, null, edits!);
            reading.ReadAll();
            graph = reading.Graph(settings);
        }
        diagnostics.AddRange(reading.Problems);
        cache?.Keep(scan, context, reading.Studies, reading.Outside);
        return graph;
    }

    static Scan ScanInput(string inputRoot)
    {
        var problems = new DiagnosticBag();
        var inventory = InputInventory.Scan(inputRoot, problems);
        return new Scan(inventory, problems.Sorted(), GitHistory.Read(inputRoot, GitDatedFiles(inventory)));
    }

    /// <summary>site.yml and people.yml: the last build's reading of them when neither (nor anything else they depend on) changed.</summary>
    static ReadContext ContextFor(Scan scan, string inputRoot, DateOnly today, bool includeDrafts, ContentCache? cache)
    {
        var problems = new DiagnosticBag();
        var siteYml = SourceFile.Read(inputRoot, "site.yml", problems);
        var peopleYml = scan.Inventory.PeopleYml is null ? null : SourceFile.Read(inputRoot, "people.yml", problems);
        if (cache?.Context is { } last && last.Scan == scan && last.Today == today && last.IncludeDrafts == includeDrafts
            && last.SiteYml == siteYml.Text && last.PeopleYml == (peopleYml?.Text ?? ""))
            return last;

        // A site.yml that could not be read is reported already: not again as one missing every key.
        var settings = SiteSettingsReader.Read(siteYml.Refused ? YamlFields.Empty("site.yml") : YamlFields.Load("site.yml", siteYml.Text, 0, problems));
        var people = peopleYml is null ? [] : PeopleReader.Read(peopleYml, problems);
        foreach (var person in people.Values.Where(p => p.ConsentReview < today))
            problems.Warning(person.At, $"consent for '{person.Id}' was due to be re-confirmed on {person.ConsentReview:yyyy-MM-dd}: check with them, then update 'consent_review'.");
        return new ReadContext(scan, siteYml.Text, peopleYml?.Text ?? "", today, includeDrafts, settings, people, problems.Sorted());
    }

    /// <summary>Only the kinds that record no dates of their own (free pages) are dated from git (<see cref="LastUpdated"/>).</summary>
    static string[] GitDatedFiles(InputInventory inventory) =>
        [.. inventory.Studies.Values.SelectMany(s => s.Files).Concat(inventory.Outside).Where(f => f.Key.DatedByGit).SelectMany(f => f.Value)];

    /// <summary>Parses a markdown file, or takes it from the cache when it has not changed.</summary>
    sealed class Parser(string root, ParseCache? cache)
    {
        public FrontMatterDocument Parse(string path, DiagnosticBag diagnostics) => cache is null
            ? FrontMatterDocument.Parse(SourceFile.Read(root, path, diagnostics), diagnostics)
            : cache.Parse(root, path, diagnostics, own => FrontMatterDocument.Parse(SourceFile.Read(root, path, own), own));
    }

    /// <summary>
    /// One reading of every study, post and page in a context, each part taken from the previous build when it was read
    /// in the same context and none of its files changed. Each part keeps the problems found reading it.
    /// </summary>
    sealed class Reading(string inputRoot, Parser parser, ReadContext context, ContentCache? previous, IReadOnlySet<string> changed)
    {
        readonly InputInventory inventory = context.Scan.Inventory;
        readonly EntryReading reading = new(context.People);

        public Dictionary<string, StudyRead> Studies { get; } = new(StringComparer.Ordinal);
        /// <summary>Every entry outside studies, by path.</summary>
        public Dictionary<string, EntryRead> Outside { get; } = new(StringComparer.Ordinal);
        public bool ReusedAny { get; private set; }
        /// <summary>Whether a part read again publishes or leaves out other source paths than it did at the last build.</summary>
        public bool PublishedChanged { get; private set; }

        public IEnumerable<Diagnostic> Problems =>
            Studies.Values.SelectMany(s => s.Problems).Concat(Outside.Values.SelectMany(p => p.Problems));

        public void ReadAll()
        {
            var changedStudies = changed.Select(path => path.Split('/')).Where(parts => parts is ["studies", _, ..]).Select(parts => parts[1]).ToHashSet();
            InParallel(inventory.Studies.Values.ToArray(), Studies, files => files.Slug, files =>
                Reused(previous?.Studies, files.Slug, changedStudies.Contains(files.Slug)) ?? Compared(previous?.Studies, files.Slug, ReadStudy(files)));
            var studiesBySlug = Studies.Values.Select(s => s.Study).OfType<Study>().ToDictionary(s => s.Slug);
            // An entry that names a study (a post's 'study') is read again when that study was: it links to it.
            foreach (var kind in ContentKinds.OutsideStudies)
                InParallel(inventory.Outside[kind], Outside, path => path, path =>
                    Reused(previous?.Outside, path, changed.Contains(path), read => studiesBySlug.GetValueOrDefault(read.StudySlug ?? "") == read.About)
                    ?? Compared(previous?.Outside, path, ReadOutside(kind, path, studiesBySlug)));
        }

        public SiteGraph Graph(SiteSettings settings)
        {
            var studies = Studies.Values.Select(s => s.Study).OfType<Study>().Where(s => context.IncludeDrafts || !s.Draft);
            var outside = ContentKinds.OutsideStudies.ToDictionary(k => k, k => k.Listed(inventory.Outside[k]
                .Select(path => Outside[path]).Where(r => !r.LeftOut).Select(r => r.Entry).OfType<Entry>()));
            var drafts = Studies.Values.SelectMany(s => s.LeftOut).Concat(Outside.Values.Where(p => p.LeftOut).Select(p => p.Path))
                .ToHashSet(StringComparer.Ordinal);
            var graph = new SiteGraph
            {
                Site = settings, InputRoot = inputRoot, BuildDate = context.Today, People = context.People,
                Assets = inventory.Assets, LeftOutDrafts = drafts,
                Studies = studies.OrderBy(s => s.Title, StringComparer.OrdinalIgnoreCase).ToList(),
                Outside = outside,
                BySource = new Dictionary<string, Entry>(StringComparer.Ordinal),
                Redirected = new List<Entry>(),
                SourceCommit = context.Scan.History.SourceCommit,
                InputFiles = inventory.Files,
            };
            var bySource = (Dictionary<string, Entry>)graph.BySource;
            var redirected = (List<Entry>)graph.Redirected;
            bySource.EnsureCapacity(Studies.Values.Sum(s => (s.Study?.Contents.Count() ?? 0) + 1) + Outside.Count);
            // One pass over every entry: each one visited is a memory read the preview pays again after every edit.
            foreach (var entry in graph.Entries)
            {
                bySource[entry.SourcePath] = entry;
                if (entry.RedirectFrom.Count > 0) redirected.Add(entry);
            }
            return graph;
        }

        /// <summary>Reads each part in parallel (each needs only its own files), keyed in input order.</summary>
        static void InParallel<TFiles, TRead>(IReadOnlyList<TFiles> parts, Dictionary<string, TRead> into, Func<TFiles, string> key, Func<TFiles, TRead> read)
        {
            var results = new TRead[parts.Count];
            Parallel.For(0, parts.Count, i => results[i] = read(parts[i]));
            for (var i = 0; i < parts.Count; i++) into[key(parts[i])] = results[i];
        }

        /// <summary>The part as the last build read it, if that was in this context and none of its files changed since.</summary>
        TRead? Reused<TRead>(Dictionary<string, TRead>? last, string key, bool changedSince, Func<TRead, bool>? stillValid = null)
            where TRead : class, IRead
        {
            if (last is null || changedSince || !last.TryGetValue(key, out var read) || read.Context != context
                || !(stillValid?.Invoke(read) ?? true)) return null;
            ReusedAny = true;
            return read;
        }

        /// <summary>Notes whether a part read again publishes what it did: links in reused prose were resolved against that.</summary>
        TRead Compared<TRead>(Dictionary<string, TRead>? last, string key, TRead read) where TRead : IRead
        {
            if (last is not null && last.TryGetValue(key, out var before)
                && !(before.Published.SequenceEqual(read.Published) && before.LeftOut.SequenceEqual(read.LeftOut)))
                PublishedChanged = true;
            return read;
        }

        StudyRead ReadStudy(InputInventory.StudyFiles files)
        {
            var problems = new DiagnosticBag();
            var leftOut = new List<string>();
            var study = ReadStudy(files, problems);
            if (study is not null && !context.IncludeDrafts) LeaveOutDrafts(study, leftOut);
            if (study is not null && !(study.Draft && !context.IncludeDrafts)) CompleteStudy(study);
            return new StudyRead(context, study, leftOut, problems.Sorted());
        }

        Study? ReadStudy(InputInventory.StudyFiles files, DiagnosticBag problems)
        {
            // Every file is parsed even when the study cannot be read, so each file's own errors are still reported.
            var docs = files.Files.ToDictionary(f => f.Key, f => ParseAll(f.Value, problems));
            if (files.Index is null)
            {
                problems.Error(SourceLocation.StartOf(files.All.First()),
                    $"the study '{files.Slug}' has no index.md: create studies/{files.Slug}/index.md with its title, summary and status.");
                return null;
            }
            if (StudyReader.Read(parser.Parse(files.Index, problems), files.Slug, reading) is not { } study) return null;
            // Kind by kind, in their order: a decision's raised_at names a meeting read before it. Not PLINQ: studies are
            // already read in parallel, and PLINQ blocking inside Parallel.For starved the thread pool (a 10,000-entry
            // check took 50 s instead of 7).
            foreach (var kind in ContentKinds.InStudies)
                study.SetEntries(kind, docs[kind].Select(doc => kind.Read(doc, Source(InputInventory.SlugOf(doc.Path), study))).OfType<Entry>());
            return study;
        }

        EntrySource Source(string slug, Study? study, IReadOnlyDictionary<string, Study>? studies = null) =>
            new(slug, study, reading, context.Today, studies ?? EmptyStudies, inventory.Studies.Keys);

        static readonly IReadOnlyDictionary<string, Study> EmptyStudies = new Dictionary<string, Study>();

        /// <summary>A study's files in parallel too, so one large study does not leave a core idle.</summary>
        FrontMatterDocument[] ParseAll(List<string> paths, DiagnosticBag problems)
        {
            var parsed = new FrontMatterDocument[paths.Count];
            Parallel.For(0, paths.Count, i => parsed[i] = parser.Parse(paths[i], problems));
            return parsed;
        }

        /// <summary>Drafts (and everything inside a draft study) are left out unless 'build --drafts'.</summary>
        static void LeaveOutDrafts(Study study, List<string> leftOut)
        {
            if (study.Draft) leftOut.AddRange([study.SourcePath, .. study.Contents.Select(e => e.SourcePath)]);
            leftOut.AddRange(study.Contents.Where(e => e.Draft).Select(e => e.SourcePath));
            foreach (var kind in ContentKinds.InStudies) study.SetEntries(kind, study.EntriesOf(kind).Where(e => !e.Draft).ToList());
        }

        /// <summary>A post, page or other entry outside studies; one that names a study is left out with a draft study.</summary>
        EntryRead ReadOutside(EntryKind kind, string path, IReadOnlyDictionary<string, Study> studies)
        {
            var problems = new DiagnosticBag();
            var doc = parser.Parse(path, problems);
            var entry = kind.Read(doc, Source(InputInventory.SlugOf(path), null, studies));
            var named = kind.Keys.FirstOrDefault(k => k.Type == KeyType.Study) is { } key ? doc.Fields.Text(key.Name) : null;
            var about = named is null ? null : studies.GetValueOrDefault(named);
            var leftOut = !context.IncludeDrafts && entry is not null && (entry.Draft || (about?.Draft ?? false));
            if (entry is not null && !leftOut) Complete(entry);
            return new EntryRead(context, kind, path, entry, leftOut, problems.Sorted(), named, about);
        }

        /// <summary>Fills what depends on the context: URLs, history, overdue flags, figures and back-links within the study.</summary>
        void CompleteStudy(Study study)
        {
            var site = context.Settings;
            if (site is null) return;
            foreach (var entry in study.Contents.Prepend(study)) Complete(entry);
            study.Updated = LastUpdated.OfStudy(study, context.Today);
            study.DecisionsUrl = site.Href(Routes.Decisions(study.Slug));
            study.MeetingsUrl = site.Href(Routes.Meetings(study.Slug));
            study.Figures = ImpactFigures.Compute(study.Meetings, study.Decisions);
        }

        void Complete(Entry entry)
        {
            if (context.Settings is not { } site) return;
            var history = context.Scan.History;
            entry.Url = site.Href(entry.Route);
            entry.AbsoluteUrl = site.Absolute(entry.Route);
            entry.Updated = LastUpdated.Of(entry, history, context.Today);
            if (site.RepositoryUrl is { } repo && history.Branch is { } branch)
                entry.HistoryUrl = $"{repo}/commits/{branch}/{history.InRepository(entry.SourcePath)}";
            (entry.ContentKind as EntryKind)?.Complete(entry, site, context.Today);
        }
    }
}
