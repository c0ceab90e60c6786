using System.Collections.Concurrent;
using System.Reflection;

namespace ImpactSite.Content.Posts;

[Layout("post")]
public sealed record PostPageView : PageView
{
    public required Post Post { get; init; }
}
