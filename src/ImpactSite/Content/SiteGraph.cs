using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Pages;
using ImpactSite.Content.People;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;
namespace ImpactSite.Content;

/// <summary>Everything the render step needs: settings, people and every published entry, cross-linked.</summary>
public sealed class SiteGraph
{
    public required SiteSettings Site { get; init; }
    /// <summary>The input folder, for reading assets.</summary>
    public required string InputRoot { get; init; }
    public required DateOnly BuildDate { get; init; }
    public required IReadOnlyDictionary<string, Person> People { get; init; }
    public required IReadOnlyList<Study> Studies { get; init; }
    /// <summary>The entries of every kind outside studies (posts, pages), each as its kind lists them.</summary>
    public required IReadOnlyDictionary<EntryKind, IReadOnlyList<Entry>> Outside { get; init; }
    public IReadOnlyList<Post> Posts => (IReadOnlyList<Post>)Outside[ContentKinds.Post];
    public IReadOnlyList<FreePage> Pages => (IReadOnlyList<FreePage>)Outside[ContentKinds.Page];
    /// <summary>Input-relative paths of files under assets/, published as they are.</summary>
    public required IReadOnlyList<string> Assets { get; init; }
    /// <summary>Source paths of drafts left out of this build, so a link to one gets a precise message.</summary>
    public required IReadOnlySet<string> LeftOutDrafts { get; init; }
    /// <summary>
    /// People a release's content named who have since left people.yml (filled when releases are rebuilt): credited by
    /// role there, and their stored names guarded like every withheld name.
    /// </summary>
    public IReadOnlyList<Person> FormerPeople { get; set; } = [];
    /// <summary>Every file of the input the build placed (input-relative). A markdown file here that is neither an entry
    /// nor a draft could not be read because of errors in it (or in its study's index.md), so a link to one says so
    /// rather than that the file does not exist.</summary>
    public IReadOnlySet<string> InputFiles { get; init; } = new HashSet<string>();
    /// <summary>The input's git commit, when it is in a repository.</summary>
    public string? SourceCommit { get; init; }

    /// <summary>All meetings, newest first (computed once: the graph does not change after the model step).</summary>
    public IReadOnlyList<Meeting> Meetings => meetings ??= [.. Studies.SelectMany(s => s.Meetings).OrderByDescending(m => m.Held).ThenBy(m => m.Route, StringComparer.Ordinal)];
    /// <summary>All decisions, most recently raised first.</summary>
    public IReadOnlyList<Decision> Decisions => decisions ??= [.. Studies.SelectMany(s => s.Decisions).OrderByDescending(d => d.Raised).ThenBy(d => d.Route, StringComparer.Ordinal)];
    public ImpactFigures Overview => overview ??= ImpactFigures.Compute(Meetings, Decisions);
    /// <summary>
    /// The posts about a study, newest first. Kept here rather than on the study, so a study read once can be shared by
    /// the preview's next graph while its posts change.
    /// </summary>
    public IReadOnlyList<Post> PostsAbout(Study study) =>
        (postsByStudy ??= Posts.Where(p => p.Study is not null).GroupBy(p => p.Study!).ToDictionary(g => g.Key, g => (IReadOnlyList<Post>)g.ToList()))
        .GetValueOrDefault(study, []);

    IReadOnlyList<Meeting>? meetings;
    IReadOnlyList<Decision>? decisions;
    ImpactFigures? overview;
    Dictionary<Study, IReadOnlyList<Post>>? postsByStudy;

    /// <summary>The entries of one kind, across studies for a kind inside them.</summary>
    public IEnumerable<Entry> EntriesOf(EntryKind kind) => kind.InStudy ? Studies.SelectMany(s => s.EntriesOf(kind)) : Outside[kind];

    /// <summary>Every entry: the studies, then each kind in its order.</summary>
    public IEnumerable<Entry> Entries => Studies.Concat<Entry>(ContentKinds.Entries.SelectMany(EntriesOf));

    /// <summary>Lookup by input-relative source path, for rewriting relative .md links.</summary>
    public required IReadOnlyDictionary<string, Entry> BySource { get; init; }
    /// <summary>The entries that keep old URLs working (redirect_from), in <see cref="Entries"/> order.</summary>
    public required IReadOnlyList<Entry> Redirected { get; init; }
}
