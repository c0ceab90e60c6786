using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;
using ImpactSite.Load;

namespace ImpactSite.Content;

/// <summary>What an entry is read against: its slug, the study whose folder holds it, and the rest of the site.</summary>
/// <param name="Study">The study whose folder the file is in (null for a kind outside studies).</param>
/// <param name="Studies">The site's studies, read before any kind outside studies (empty while studies are read).</param>
/// <param name="StudyFolders">Every study folder, including studies whose index.md has errors: a post naming one of
/// those gets no second error, since the study's own errors already stop the build.</param>
public sealed record EntrySource(string Slug, Study? Study, EntryReading Reading, DateOnly Today,
    IReadOnlyDictionary<string, Study> Studies, IReadOnlyCollection<string> StudyFolders);

/// <summary>
/// A kind of file that is read one by one into an entry with a page of its own, in a study's folder or the site's:
/// everything the build does with such a file goes through this, so a new kind is its own folder under Content/ (its
/// definition, entry type, reading, view and layout) and nothing else. The study is not one: it is the folder the others
/// sit in, and its pages are the site's impact pages.
/// </summary>
public abstract class EntryKind : ContentKind
{
    /// <summary>The entry type layouts see, and the view type its layout is held to.</summary>
    public abstract Type EntryType { get; }
    public abstract Type ViewType { get; }
    /// <summary>Other types of the kind's own that layouts may read through the entry (a decision's update steps).</summary>
    public virtual IReadOnlyList<Type> LayoutTypes => [];

    /// <summary>Reads the file, checking every rule of the contract; null when it is too broken to publish (reported).</summary>
    public abstract Entry? Read(FrontMatterDocument doc, EntrySource source);

    /// <summary>The entries as the site lists them (newest first, unless the kind says otherwise), as a list of the kind's
    /// own entry type: the graph hands it out typed (<see cref="Study.Meetings"/>).</summary>
    public abstract IReadOnlyList<Entry> Listed(IEnumerable<Entry> entries);

    /// <summary>Fills what depends on the build (after URLs): a decision's waiting time, a meeting's back-links.</summary>
    public virtual void Complete(Entry entry, SiteSettings site, DateOnly today) { }

    /// <summary>The page's breadcrumb trail between Home and the page itself.</summary>
    public abstract IReadOnlyList<(string Title, string Route)> Trail(Entry entry);

    /// <summary>What search engines and link previews show, read when the page is made (prose is rendered by then).</summary>
    public abstract string? Description(Entry entry);

    /// <summary>What the entry's layout sees besides the part every page has.</summary>
    public abstract PageView View(Entry entry, SiteSettings site);

    /// <summary>The study the entry is in or about (shown with it in search results), if any.</summary>
    public virtual Study? StudyOf(Entry entry) => null;

    /// <summary>The words search finds the entry by, people only as their credits (mentions are resolved by then).</summary>
    public virtual string SearchText(Entry entry) => entry.Body.PlainText;
}

/// <summary>An <see cref="EntryKind"/> whose entries are <typeparamref name="TEntry"/>, shown with <typeparamref name="TView"/>.</summary>
public abstract class EntryKind<TEntry, TView> : EntryKind where TEntry : Entry where TView : PageView
{
    public sealed override Type EntryType => typeof(TEntry);
    public sealed override Type ViewType => typeof(TView);

    public sealed override Entry? Read(FrontMatterDocument doc, EntrySource source) => ReadEntry(doc, source);
    protected abstract TEntry? ReadEntry(FrontMatterDocument doc, EntrySource source);

    // A List<TEntry> is an IReadOnlyList<Entry> (covariance), so the graph can hand it back as IReadOnlyList<TEntry>.
    public sealed override IReadOnlyList<Entry> Listed(IEnumerable<Entry> entries) => InListOrder(entries.Cast<TEntry>()).ToList();
    protected virtual IEnumerable<TEntry> InListOrder(IEnumerable<TEntry> entries) =>
        entries.OrderByDescending(e => e.Date).ThenBy(e => e.Slug, StringComparer.Ordinal);

    public sealed override void Complete(Entry entry, SiteSettings site, DateOnly today) => Complete((TEntry)entry, site, today);
    protected virtual void Complete(TEntry entry, SiteSettings site, DateOnly today) { }

    public sealed override IReadOnlyList<(string Title, string Route)> Trail(Entry entry) => Trail((TEntry)entry);
    protected abstract IReadOnlyList<(string Title, string Route)> Trail(TEntry entry);

    public sealed override string? Description(Entry entry) => Description((TEntry)entry);
    protected abstract string? Description(TEntry entry);

    public sealed override PageView View(Entry entry, SiteSettings site) => View((TEntry)entry, site);
    protected abstract TView View(TEntry entry, SiteSettings site);

    public sealed override Study? StudyOf(Entry entry) => StudyOf((TEntry)entry);
    protected virtual Study? StudyOf(TEntry entry) => null;

    public sealed override string SearchText(Entry entry) => SearchText((TEntry)entry);
    protected virtual string SearchText(TEntry entry) => entry.Body.PlainText;
}
