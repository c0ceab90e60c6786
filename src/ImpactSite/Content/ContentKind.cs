using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;
namespace ImpactSite.Content;

/// <summary>Whether a key must be there.</summary>
public enum Need { Optional, Required, Conditional }

/// <summary>What a key holds: decides how it is read, what 'impactsite new' writes and which editor widget it gets.</summary>
public enum KeyType { Text, Markdown, InlineMarkdown, Date, Boolean, WholeNumber, Choice, Choices, Person, People, Meeting, Study, Texts, Paths, Steps }

/// <summary>One front-matter key as the content contract defines it, with the help a co-ordinator sees for it.</summary>
/// <param name="Label">The key as a form field is labelled ("You said").</param>
/// <param name="Help">What to write, in plain words: the scaffold's comment and the editor's hint.</param>
public sealed record KeySpec(string Name, KeyType Type, string Label, string Help, Need Need = Need.Optional)
{
    /// <summary>The allowed values of a Choice or Choices key.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>For a Conditional key: when it is required, in words ("required unless the status is open or considering").</summary>
    public string? RequiredWhen { get; init; }
    /// <summary>The fields of each step of a Steps key (a decision's updates).</summary>
    public IReadOnlyList<KeySpec> Fields { get; init; } = [];
}

/// <summary>How the browser editor shows a kind's collection (Decap's options of the same names).</summary>
/// <param name="Summary">How an entry is listed, such as "{{date}}: {{title}}".</param>
/// <param name="Slug">The file name made for a new entry, such as "{{fields.date}}-{{slug}}".</param>
/// <param name="BodyLabel">The label of the markdown below the front matter.</param>
public sealed record EditorCollection(string? Summary = null, IReadOnlyList<string>? SortableFields = null, string Slug = "{{slug}}",
    string BodyLabel = "Text", string? Description = null)
{
    public static readonly EditorCollection Plain = new();
    /// <summary>Filters over the list, each a label, a field and a regular expression its value must match.</summary>
    public IReadOnlyList<(string Label, string Field, string Pattern)> Filters { get; init; } = [];
}

/// <summary>
/// One kind of markdown file, declared once: where its files live, its route, its layout, its labels and every key
/// with its type, need, allowed values and help. Reading, validation, 'impactsite new', the browser editor's
/// configuration, the docs and the tests all read this definition, so none of them can drift from the others.
/// </summary>
public abstract class ContentKind
{
    /// <summary>The kind's name as a co-ordinator types it (<c>impactsite new decision</c>) and as its layout is named.</summary>
    public abstract string Name { get; }
    /// <summary>The kind in a sentence or list: "suggestion", "blog post".</summary>
    public abstract string Label { get; }
    /// <summary>The kind as a search result is labelled: "You said, we did".</summary>
    public abstract string SearchLabel { get; }
    /// <summary>The browser editor's name for the collection: "You said, we did".</summary>
    public abstract string CollectionLabel { get; }
    /// <summary>Meetings and decisions live inside a study's folder.</summary>
    public virtual bool InStudy => false;
    /// <summary>The file's path in the input folder, with '/' separators.</summary>
    public abstract string FilePath(string slug, string? study);
    /// <summary>The page's route on the site.</summary>
    public abstract string Route(string slug, string? study);
    /// <summary>The keys of this kind besides the common ones.</summary>
    protected abstract IReadOnlyList<KeySpec> OwnKeys { get; }

    /// <summary>Where the kind comes among the others: kinds in a study are read in this order (a later one may use what
    /// an earlier one read: a decision's raised_at names a meeting), and the editor offers them in it.</summary>
    public virtual int Order => 0;
    /// <summary>Where the kind's files live, from <see cref="FilePath"/>: how the inventory recognises them.</summary>
    public KindPath Path => path ??= new KindPath(this);
    KindPath? path;
    /// <summary>Why a file of this kind may not have this slug (its address is the build's own), or null.</summary>
    public virtual string? RefusedSlug(string slug) => null;
    /// <summary>Whether the files are dated from git history (they record no dates of their own).</summary>
    public virtual bool DatedByGit => false;
    /// <summary>How the browser editor lists and names the kind's files.</summary>
    public virtual EditorCollection Editor => EditorCollection.Plain;

    /// <summary>The keys 'impactsite new' writes, each with a comment (by default every key of the definition, with its help).</summary>
    public virtual void WriteStarter(StarterWriter t, ScaffoldRequest r) => t.FromKeys(r);
    /// <summary>The placeholder 'impactsite new' writes below the front matter.</summary>
    public virtual string StarterBody => $"Write the {Label} here, in markdown.";
    /// <summary>The file name 'impactsite new' makes from the title's slug (a meeting's starts with its date).</summary>
    public virtual string NewSlug(string slug, DateOnly date) => slug;

    /// <summary>Every key the contract allows in this kind of file: title, its own keys, then the common ones.</summary>
    public IReadOnlyList<KeySpec> Keys => keys ??= [Title, .. OwnKeys, .. Common];
    public IReadOnlySet<string> KeyNames => keyNames ??= Keys.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
    public KeySpec Key(string name) => Keys.First(k => k.Name == name);

    IReadOnlyList<KeySpec>? keys;
    IReadOnlySet<string>? keyNames;

    protected virtual string TitleHelp => "Shown as the page's main heading.";
    KeySpec Title => new("title", KeyType.Text, "Title", TitleHelp, Need.Required);

    /// <summary>The keys every markdown file may carry (contract: "Keys every markdown file may carry").</summary>
    public static readonly IReadOnlyList<KeySpec> Common =
    [
        new("draft", KeyType.Boolean, "Draft", "true keeps the file off the site; 'build --drafts' shows it."),
        new("redirect_from", KeyType.Paths, "Old addresses", "Old addresses that must keep working after a rename, such as /blog/old-name/: plain paths only."),
        new("updated", KeyType.Date, "Last meaningful change", "When the content last changed in a way readers should know about. Leave it out to use the dates the file records."),
        new("tags", KeyType.Texts, "Topics", "Free topic labels, such as [letters, recruitment]."),
        new("content_note", KeyType.Text, "Content note", "A short warning shown before the text, such as \"discusses experiences of crisis care\"."),
    ];
}
