using System.Runtime.CompilerServices;
using ImpactSite.Content.Settings;
using ImpactSite.Load;

namespace ImpactSite.Content.Pages;

/// <summary>pages/&lt;slug&gt;.md: a free page (about, privacy notice, accessibility statement) at /&lt;slug&gt;/.</summary>
public sealed class PageKind : EntryKind<FreePage, FreePageView>
{
    /// <summary>Folder names, file names and URLs the build itself publishes; a free page may not take them.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs =
        new HashSet<string> { "studies", "blog", "search", "assets", "theme", "admin", "feed", "sitemap", "404", "schema" };

    public override string Name => "page";
    public override string Label => "page";
    public override string SearchLabel => "Page";
    public override string CollectionLabel => "Other pages";
    public override string FilePath(string slug, string? study) => $"pages/{slug}.md";
    public override string Route(string slug, string? study) => Routes.Page(slug);
    protected override IReadOnlyList<KeySpec> OwnKeys => [];
    public override int Order => 40;
    public override bool DatedByGit => true;
    public override void WriteStarter(StarterWriter t, ScaffoldRequest r) =>
        t.Title(r, "The page's title, also the link text in the menu (or the footer, for privacy and accessibility).");

    public override string? RefusedSlug(string slug) => ReservedSlugs.Contains(slug) ? $"the site already uses /{slug}/" : null;

    protected override FreePage? ReadEntry(FrontMatterDocument doc, EntrySource source)
    {
        doc.Fields.CheckUnknownKeys(KeyNames);
        return source.Reading.Header(doc, source.Slug, Route(source.Slug, null)) is { } header ? new FreePage(header) : null;
    }

    /// <summary>Free pages are listed by name (navigation, footer), not by date.</summary>
    protected override IEnumerable<FreePage> InListOrder(IEnumerable<FreePage> pages) => pages.OrderBy(p => p.Slug, StringComparer.Ordinal);
    protected override IReadOnlyList<(string Title, string Route)> Trail(FreePage page) => [];
    protected override string? Description(FreePage page) => null;
    protected override FreePageView View(FreePage page, SiteSettings site) => new() { Page = page };

    // Last among the static fields: the definition above reads them (Values, Fields) when it is made.
    public static readonly PageKind Instance = new();
    /// <summary>Registers the kind (<see cref="ContentKinds"/>) when the program starts.</summary>
    [ModuleInitializer] internal static void Register() => ContentKinds.Register(Instance);
}
