using System.Collections.Concurrent;
using System.Reflection;

namespace ImpactSite.Content.Meetings;

[Layout("meeting")]
public sealed record MeetingPageView : PageView
{
    public required Meeting Meeting { get; init; }
}
