using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content;
using ImpactSite.Content.People;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Model;

/// <summary>
/// What the preview keeps between builds, so that an edit to one file costs about one file's work: the parsed files,
/// the input's inventory and git history, and each study (with the entries in its folder), post and page as read,
/// with the problems found. <see cref="SiteGraphBuilder"/> reuses a part only when nothing it was read from changed.
/// </summary>
public sealed class ContentCache
{
    readonly HashSet<string> changed = new(StringComparer.Ordinal);

    /// <summary>Input-relative paths the watcher saw created, changed or deleted since the last build (files or folders).</summary>
    public void Changed(IEnumerable<string> paths) => changed.UnionWith(paths);

    internal ParseCache Parsed { get; } = new();
    /// <summary>The last build's inventory and history (null before the first build), and what reading it found.</summary>
    internal Scan? Scanned { get; private set; }
    internal ReadContext? Context { get; private set; }
    internal Dictionary<string, StudyRead> Studies { get; private set; } = [];
    /// <summary>Every entry outside studies (posts, pages), by its path.</summary>
    internal Dictionary<string, EntryRead> Outside { get; private set; } = [];

    /// <summary>Releases rebuilt from git by the last build, by what they were rebuilt from (Build/StudyReleases): a
    /// release costs a read of the study from history, and nothing it was read from has changed while the key is the same.</summary>
    internal Dictionary<string, FrozenRelease> Releases { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The files changed since the last build, when every change is an edit to a file the last inventory holds (so it
    /// still stands, and every other file can be trusted unchanged); null when the input must be looked at again.
    /// </summary>
    internal IReadOnlySet<string>? EditsOnly(string inputRoot)
    {
        if (Scanned is not { } scan) return null; // the first build looks at everything
        var edits = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in changed)
        {
            var (held, exists) = (scan.Inventory.Holds(path), Path.Exists(Path.Combine(inputRoot, path)));
            if (held && exists) edits.Add(path);
            else if (held || exists) return null; // deleted, or added: look at the input again
            // Neither: a temporary file an editor saved through, which came and went.
        }
        return edits;
    }

    /// <summary>Keeps what this build read; the changes it was told of are now taken in.</summary>
    internal void Keep(Scan scan, ReadContext context, Dictionary<string, StudyRead> studies, Dictionary<string, EntryRead> outside)
    {
        (Scanned, Context, Studies, Outside) = (scan, context, studies, outside);
        changed.Clear();
    }
}

/// <summary>The input's files as sorted into the contract's places, the problems found doing so, and the git history.</summary>
sealed record Scan(InputInventory Inventory, IReadOnlyList<Diagnostic> Problems, GitHistory History);

/// <summary>
/// What every entry is read against: site.yml, people.yml, the build date and the files of the site. Entries read in
/// one context are reused only in that same context.
/// </summary>
sealed record ReadContext(Scan Scan, string SiteYml, string PeopleYml, DateOnly Today, bool IncludeDrafts,
    SiteSettings? Settings, IReadOnlyDictionary<string, Person> People, IReadOnlyList<Diagnostic> Problems);

/// <summary>
/// A study folder as read: the study (null when its index.md is missing or unreadable; a draft study is kept, so posts
/// can name it) with its published meetings and decisions, the drafts left out, and the problems found.
/// </summary>
sealed record StudyRead(ReadContext Context, Study? Study, IReadOnlyList<string> LeftOut, IReadOnlyList<Diagnostic> Problems) : IRead
{
    public IEnumerable<string> Published => Study is null || LeftOut.Contains(Study.SourcePath) ? []
        : Study.Contents.Prepend(Study).Select(e => e.SourcePath);
    IEnumerable<string> IRead.LeftOut => LeftOut;
}

/// <summary>An entry outside studies (a post, a page) as read (null when unreadable), whether it was left out as a draft,
/// and the problems found.</summary>
/// <param name="About">The study it names (a post's 'study') as it was then: an entry about a study read again is read again too.</param>
sealed record EntryRead(ReadContext Context, EntryKind Kind, string Path, Entry? Entry, bool LeftOut, IReadOnlyList<Diagnostic> Problems,
    string? StudySlug = null, Study? About = null) : IRead
{
    public IEnumerable<string> Published => Entry is null || LeftOut ? [] : [Path];
    IEnumerable<string> IRead.LeftOut => LeftOut ? [Path] : [];
}

/// <summary>A part of the site as read, the context it was read in, and the source paths it publishes and leaves out.</summary>
interface IRead
{
    ReadContext Context { get; }
    IEnumerable<string> Published { get; }
    IEnumerable<string> LeftOut { get; }
}
