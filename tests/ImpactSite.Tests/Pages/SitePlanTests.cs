using ImpactSite.Build;
using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Pages;

/// <summary>The plan is the built site before anything is made: the same paths, and any file made alone is the file the build wrote.</summary>
public sealed class SitePlanTests(SampleSite sample) : IClassFixture<SampleSite>
{
    readonly SitePlan plan = Plan();

    /// <summary>The sample site planned as the preview plans it: prose renders when a file first reads it.</summary>
    static SitePlan Plan()
    {
        var prepared = SiteBuilder.PrepareForPreview(new BuildRequest(Repo.Input, Repo.Theme, SampleSite.Today));
        return prepared.Plan!;
    }

    [Fact]
    public void The_plan_lists_every_built_file_and_nothing_else() =>
        Assert.Equal(sample.Site.Files.Keys.Order(StringComparer.Ordinal), plan.Files.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Each_file_made_alone_has_the_built_bytes_and_source()
    {
        foreach (var (path, planned) in plan.Files)
        {
            var made = planned.Make();
            var built = sample.Site.Files[path];
            Assert.True(built.Content.AsSpan().SequenceEqual(made.Content), $"{path} differs from the built file");
            Assert.Equal((built.Source, built.Source), (planned.Source, made.Source));
        }
    }
}
