using ImpactSite.Content;
using ImpactSite.Load;

namespace ImpactSite.Content;

/// <summary>The keys every markdown file may carry, and where the file is published.</summary>
public sealed record EntryHeader(
    string Slug, string SourcePath, string Title, bool Draft, IReadOnlyList<Located<string>> RedirectFrom,
    DateOnly? Updated, IReadOnlyList<string> Tags, string? ContentNote, Prose Body, string Route);

/// <summary>A markdown file that becomes a page.</summary>
public abstract class Entry(EntryHeader header)
{
    public string Slug => header.Slug;
    public string SourcePath => header.SourcePath;
    public string Title => header.Title;
    public bool Draft => header.Draft;
    public IReadOnlyList<Located<string>> RedirectFrom => header.RedirectFrom;
    public IReadOnlyList<string> Tags => header.Tags;
    public string? ContentNote => header.ContentNote;
    public Prose Body => header.Body;
    /// <summary>Site route such as "/studies/bridge/"; links use <see cref="Url"/>, which adds base_url's path.</summary>
    public string Route => header.Route;
    /// <summary>The file the entry's page is written to, worked out once: the preview plans every page again after each edit.</summary>
    public string OutputPath => outputPath ??= Routes.PathOf(Route);
    string? outputPath;
    /// <summary>The last meaningful change (filled by the model step, <see cref="LastUpdated"/>); null when nothing dates it.</summary>
    public DateOnly? Updated { get; set; } = header.Updated;
    /// <summary>The 'updated' the front matter gives, if any.</summary>
    public DateOnly? ExplicitUpdated => header.Updated;
    public string Url { get; set; } = "";
    public string AbsoluteUrl { get; set; } = "";
    /// <summary>"History of this page" link, when site.yml names the repository.</summary>
    public string? HistoryUrl { get; set; }

    /// <summary>Every piece of markdown this entry carries, so one step can render them all.</summary>
    public virtual IEnumerable<Prose> AllProse => [Body];

    /// <summary>The kind's definition: its keys, route, labels and layout (Content/).</summary>
    public abstract ContentKind ContentKind { get; }
    public string Kind => ContentKind.Name;
    /// <summary>The kind in words inside a sentence or list ("suggestion", "blog post").</summary>
    public string KindLabel => ContentKind.Label;
    /// <summary>The kind as a search result's label ("You said, we did").</summary>
    public string SearchLabel => ContentKind.SearchLabel;
    /// <summary>The date a reader would file this under (meeting date, post date, date raised).</summary>
    public abstract DateOnly? Date { get; }

    /// <summary>The latest dated event the file itself records (a meeting's date, a response, an update step).</summary>
    public virtual DateOnly? LatestEvent => Date;
}
