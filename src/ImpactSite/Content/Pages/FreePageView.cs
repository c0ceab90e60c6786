using System.Collections.Concurrent;
using System.Reflection;
using ImpactSite.Text;

namespace ImpactSite.Content.Pages;

[Layout("page")]
public sealed record FreePageView : PageView
{
    public required FreePage Page { get; init; }
}
