using System.Runtime.CompilerServices;
using ImpactSite.Content;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;
using ImpactSite.Load;

namespace ImpactSite.KindTests.Resources;

/// <summary>studies/&lt;study&gt;/resources/&lt;slug&gt;.md: a leaflet, video or web page made with the panel.</summary>
public sealed class ResourceKind : EntryKind<Resource, ResourcePageView>
{
    public static readonly string[] Formats = ["leaflet", "video", "web-page"];

    public override string Name => "resource";
    public override string Label => "resource";
    public override string SearchLabel => "Resource";
    public override string CollectionLabel => "Resources";
    public override bool InStudy => true;
    public override int Order => 25;
    public override string FilePath(string slug, string? study) => $"studies/{study}/resources/{slug}.md";
    public override string Route(string slug, string? study) => $"/studies/{study}/resources/{slug}/";

    protected override IReadOnlyList<KeySpec> OwnKeys { get; } =
    [
        new("format", KeyType.Choice, "Format", "leaflet, video or web page", Need.Required) { Values = Formats },
        new("made", KeyType.Date, "Made on", "The date it was finished."),
    ];

    protected override Resource? ReadEntry(FrontMatterDocument doc, EntrySource source)
    {
        var f = doc.Fields;
        f.CheckUnknownKeys(KeyNames);
        var header = source.Reading.Header(doc, source.Slug, Route(source.Slug, source.Study!.Slug));
        var format = f.OneOf("format", Formats, required: true);
        var made = f.Date("made");
        return header is null || format is null ? null : new Resource(header) { Study = source.Study, Format = format, Made = made };
    }

    protected override IReadOnlyList<(string Title, string Route)> Trail(Resource resource) => StudyKind.Trail(resource.Study);
    protected override string? Description(Resource resource) => $"A {resource.Format} made with the panel of {resource.Study.Title}.";
    protected override ResourcePageView View(Resource resource, SiteSettings site) => new() { Resource = resource };
    protected override Study? StudyOf(Resource resource) => resource.Study;

    public static readonly ResourceKind Instance = new();
    [ModuleInitializer] internal static void Register() => ContentKinds.Register(Instance);
}
