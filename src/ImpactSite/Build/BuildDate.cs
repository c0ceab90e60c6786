using System.Globalization;

namespace ImpactSite.Build;

/// <summary>"Today" for a build: the UTC date of SOURCE_DATE_EPOCH when set (reproducible builds), else the clock.</summary>
public static class BuildDate
{
    public static DateOnly FromEnvironment(TimeProvider? clock = null)
    {
        var epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (long.TryParse(epoch, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            return DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
        return DateOnly.FromDateTime((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
    }
}
