using ImpactSite.Build;

namespace ImpactSite.Tests.Support;

/// <summary>The repository's sample site built once per test class, on a fixed date so figures are stable.</summary>
public sealed class SampleSite
{
    public static readonly DateOnly Today = new(2026, 11, 23);

    public BuiltSite Site { get; } = new(SiteBuilder.Build(new BuildRequest(Repo.Input, Repo.Theme, Today)));
    public BuiltSite WithDrafts => drafts.Value;

    readonly Lazy<BuiltSite> drafts = new(() => new(SiteBuilder.Build(new BuildRequest(Repo.Input, Repo.Theme, Today, IncludeDrafts: true))));
}
