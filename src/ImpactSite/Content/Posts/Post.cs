using ImpactSite.Content;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;

namespace ImpactSite.Content.Posts;

public sealed class Post(EntryHeader header) : Entry(header)
{
    public override ContentKind ContentKind => ContentKinds.Post;
    public override DateOnly? Date => Published;
    public required DateOnly Published { get; init; }
    public IReadOnlyList<Person> Authors { get; init; } = [];
    public Study? Study { get; init; }
    public Prose? Summary { get; init; }
    public IReadOnlyList<string> Standards { get; init; } = [];

    public override IEnumerable<Prose> AllProse => Summary is null ? [Body] : [Body, Summary];
}
