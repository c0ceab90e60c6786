using ImpactSite.Content;

namespace ImpactSite.Content.Pages;

public sealed class FreePage(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Page;
    public override DateOnly? Date => Updated;
    /// <summary>A free page records no dates of its own: git history dates it.</summary>
    public override DateOnly? LatestEvent => null;
}
