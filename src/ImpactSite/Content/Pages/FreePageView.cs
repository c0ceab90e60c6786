using System.Collections.Concurrent;
using System.Reflection;

namespace ImpactSite.Content.Pages;

[Layout("page")]
public sealed record FreePageView : PageView
{
    public required FreePage Page { get; init; }
}
