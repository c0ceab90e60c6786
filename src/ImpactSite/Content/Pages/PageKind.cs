namespace ImpactSite.Content.Pages;

/// <summary>pages/&lt;slug&gt;.md: a free page (about, privacy notice, accessibility statement) at /&lt;slug&gt;/.</summary>
public sealed class PageKind : ContentKind
{
    public override string Name => "page";
    public override string Label => "page";
    public override string SearchLabel => "Page";
    public override string CollectionLabel => "Other pages";
    public override string FilePath(string slug, string? study) => $"pages/{slug}.md";
    public override string Route(string slug, string? study) => Routes.Page(slug);
    protected override IReadOnlyList<KeySpec> OwnKeys => [];
}
