using System.Collections.Concurrent;
using System.Reflection;

namespace ImpactSite.Content.Decisions;

[Layout("decision")]
public sealed record DecisionPageView : PageView
{
    public required Decision Decision { get; init; }
}
