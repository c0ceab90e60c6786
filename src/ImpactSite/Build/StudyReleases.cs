using System.Text;
using System.Text.Json.Nodes;
using ImpactSite.Load;
using ImpactSite.Model;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Render.Markdown;
using ImpactSite.Validate;
using ImpactSite.Content;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;

namespace ImpactSite.Build;

/// <summary>
/// Rebuilds each study's declared releases from git history: the input's studies, posts and pages as they stood at the
/// last commit on or before the end of the release date (UTC), read with today's site.yml and people.yml, on the
/// release date as build date. Later edits cannot change a release; a change of consent in people.yml does, since privacy
/// comes first. A release the history cannot cover is an error on its line of 'releases', saying what to do.
/// </summary>
public static class StudyReleases
{
    /// <summary>What a study's pages can link to; assets are not read, since a release publishes none.</summary>
    static readonly string[] Folders = ["studies", "posts", "pages"];

    /// <param name="cache">The preview's cache: a release rebuilt by the last build from the same commit, site.yml and
    /// people.yml is taken from it.</param>
    public static void Freeze(SiteGraph graph, string inputRoot, DiagnosticBag diagnostics, ContentCache? cache = null)
    {
        var declaring = graph.Studies.Where(s => s.Releases.Count > 0).ToList();
        var kept = new Dictionary<string, FrozenRelease>(StringComparer.Ordinal);
        if (declaring.Count > 0)
        {
            using var snapshots = GitSnapshots.Open(inputRoot);
            var settings = ReadIfThere(inputRoot, "site.yml") + "\0" + ReadIfThere(inputRoot, "people.yml");
            foreach (var study in declaring)
                study.FrozenReleases = study.Releases
                    .Select(r => Freeze(study, r, graph, inputRoot, snapshots, diagnostics, settings, cache?.Releases, kept))
                    .OfType<FrozenRelease>().ToList();
        }
        if (cache is not null) cache.Releases = kept;
        graph.FormerPeople = kept.Values.SelectMany(r => r.FormerPeople).DistinctBy(p => p.Id).ToList();
    }

    static string ReadIfThere(string root, string file) => File.Exists(Path.Combine(root, file)) ? File.ReadAllText(Path.Combine(root, file)) : "";

    static FrozenRelease? Freeze(Study study, StudyRelease release, SiteGraph graph, string inputRoot, GitSnapshots? snapshots,
        DiagnosticBag diagnostics, string settings, Dictionary<string, FrozenRelease>? last, Dictionary<string, FrozenRelease> kept)
    {
        var date = release.Id;
        if (release.Date > graph.BuildDate)
            return Fail(diagnostics, release, $"the release dated {date} is after the build date ({graph.BuildDate:yyyy-MM-dd}): a release is the study as it stood at the end of its date, so its date must have come. Check the date.");
        if (snapshots is null)
            return Fail(diagnostics, release, $"the release of {date} is rebuilt from git history, but the input folder is not in a git repository (or was copied without its .git folder): build from a git clone of the site (docs/hosting.md#releases-need-the-git-history).");
        var (snapshot, gap) = snapshots.AtEndOf(release.Date);
        if (snapshot is null)
            return Fail(diagnostics, release, gap == GitSnapshots.Gap.ShallowClone
                ? $"the git history here does not reach back to {date}: this is a shallow clone (Netlify and GitHub Actions fetch only recent commits by default). Run 'git fetch --unshallow' before building, or fetch the whole history: 'fetch-depth: 0' for actions/checkout on GitHub Actions (docs/hosting.md#releases-need-the-git-history)."
                : $"there is no commit on or before {date}: the history starts on {snapshots.FirstCommitDate():yyyy-MM-dd}. Give the release a date on or after that.");
        var key = $"{study.Slug}\0{release.Id}\0{release.Title}\0{release.Doi}\0{snapshot.Sha}\0{settings}";
        if (last?.GetValueOrDefault(key) is { } reused) return kept[key] = reused;
        var frozen = Rebuild(study, release, graph, inputRoot, snapshots, snapshot, diagnostics);
        if (frozen is not null) kept[key] = frozen;
        return frozen;
    }

    static FrozenRelease? Rebuild(Study study, StudyRelease release, SiteGraph graph, string inputRoot, GitSnapshots snapshots,
        GitSnapshots.Snapshot snapshot, DiagnosticBag diagnostics)
    {
        var date = release.Id;
        var commit = snapshot.Sha[..7];
        var folder = Directory.CreateTempSubdirectory("impactsite-release-").FullName;
        try
        {
            snapshots.Extract(snapshot, Folders, folder);
            if (!File.Exists(Path.Combine(folder, "studies", study.Slug, "index.md")))
                return Fail(diagnostics, release, $"at the end of {date} (commit {commit}) there was no studies/{study.Slug}/index.md yet, so there is nothing to release: use a later date.");
            File.Copy(Path.Combine(inputRoot, "site.yml"), Path.Combine(folder, "site.yml"));
            var former = FormerPeople(graph, snapshots, snapshot);
            File.WriteAllText(Path.Combine(folder, "people.yml"), PeopleThen(inputRoot, former));

            var found = new DiagnosticBag();
            var then = SiteGraphBuilder.Build(folder, release.Date, includeDrafts: false, found);
            var old = then?.Studies.FirstOrDefault(s => s.Slug == study.Slug);
            if (then is not null && old is not null)
            {
                var renderer = new ProseRenderer(then);
                foreach (var entry in old.Meetings.Concat<Entry>(old.Decisions).Prepend(old))
                    foreach (var prose in entry.AllProse) renderer.Render(prose, entry.SourcePath);
                foreach (var prose in old.Meetings.Concat<Entry>(old.Decisions).Prepend(old).SelectMany(e => e.AllProse)) found.AddRange(prose.Problems);
            }
            var own = $"studies/{study.Slug}/";
            var problem = found.Sorted().FirstOrDefault(d => d.Severity == Severity.Error && (old is null || d.Path.StartsWith(own, StringComparison.Ordinal)));
            if (problem is not null)
                return Fail(diagnostics, release, $"the release of {date} cannot be rebuilt: as the site stood then (commit {commit}), {problem.Path}:{problem.Line}:{problem.Column}: {problem.Message} Fix it in a later commit and move the release to that date, or remove the release.");
            if (old is null)
                return Fail(diagnostics, release, $"at the end of {date} (commit {commit}) the study was a draft, so there is nothing to release: use a later date.");
            if (WithheldNameIn(old, graph.People.Values.Concat(former), folder) is { } leak)
                return Fail(diagnostics, release, $"the release of {date} cannot be published: as the site stood then (commit {commit}), {leak.Path}:{leak.Line}:{leak.Column}: {leak.Message} The history cannot be changed, so move the release to a date after the name was taken out, or remove the release.");
            return new FrozenRelease(release, old, snapshot.Sha) { FormerPeople = former };
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>
    /// A withheld name in the study as it stood then, located in the file of that commit (the publish-time check would
    /// block the release too, but could only point at today's files, where the name may no longer be).
    /// </summary>
    static Diagnostic? WithheldNameIn(Study old, IEnumerable<Person> people, string folder)
    {
        var texts = old.Meetings.Concat<Entry>(old.Decisions).Prepend(old).Select(entry => OutputFile.FromText(entry.SourcePath + ".txt",
            string.Join("\n", entry.AllProse.SelectMany(p => new[] { p.PlainText, p.Html }).Prepend(entry.Title)), entry.SourcePath)).ToList();
        var found = new DiagnosticBag();
        LeakGuard.For(people, folder, found, [.. texts.Select(t => t.Source!)]).Run(texts);
        return found.Sorted().FirstOrDefault();
    }

    static FrozenRelease? Fail(DiagnosticBag diagnostics, StudyRelease release, string message)
    {
        diagnostics.Error(release.At, message);
        return null;
    }

    /// <summary>People in people.yml at the commit who are not in it now, credited by role only, their stored names kept for
    /// the withheld-name check alone.</summary>
    static IReadOnlyList<Person> FormerPeople(SiteGraph graph, GitSnapshots snapshots, GitSnapshots.Snapshot snapshot) =>
        snapshots.ReadText(snapshot, "people.yml") is not { } old ? []
            : PeopleReader.Read(new SourceFile("people.yml", old), new DiagnosticBag()).Values.Where(p => !graph.People.ContainsKey(p.Id))
                .Select(p => new Person { Id = p.Id, ChosenCredit = CreditKind.Role, Role = p.Role, Name = p.Name, At = p.At }).ToList();

    /// <summary>
    /// Today's people.yml, so a release credits everyone as they now consent to; plus anyone the content named then who
    /// has since left people.yml, credited by role only (their stored name is not written).
    /// </summary>
    static string PeopleThen(string inputRoot, IReadOnlyList<Person> former)
    {
        var current = Path.Combine(inputRoot, "people.yml");
        var text = new StringBuilder(File.Exists(current) ? File.ReadAllText(current) : "");
        if (text.Length > 0 && text[^1] != '\n') text.Append('\n');
        foreach (var person in former)
            text.Append("- id: ").Append(person.Id).Append("\n  credit: role\n  role: ").Append(JsonValue.Create(person.Role ?? "contributor").ToJsonString()).Append('\n');
        return text.ToString();
    }
}
