using ImpactSite.Content;
using ImpactSite.Content.Studies;

namespace ImpactSite.KindTests.Resources;

public sealed class Resource(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ResourceKind.Instance;
    public override DateOnly? Date => Made;
    public required Study Study { get; init; }
    public required string Format { get; init; }
    public DateOnly? Made { get; init; }
}

[Layout("resource")]
public sealed record ResourcePageView : PageView
{
    public required Resource Resource { get; init; }
}
