using ImpactSite.Content.People;
namespace ImpactSite.Content.Studies;

/// <summary>
/// A declared release rebuilt from git: the study (with its meetings and decisions) as it stood at the end of the
/// release date, read from Commit. Published at <see cref="Route"/>.
/// </summary>
public sealed record FrozenRelease(StudyRelease Release, Study Snapshot, string Commit)
{
    public string Route => Content.Routes.Release(Snapshot.Slug, Release.Id);

    /// <summary>People the content then named who have since left people.yml (see <see cref="SiteGraph.FormerPeople"/>).</summary>
    public IReadOnlyList<Person> FormerPeople { get; init; } = [];
}
