using System.Runtime.CompilerServices;
using ImpactSite.Content.Settings;
using ImpactSite.Load;
using ImpactSite.Content.Studies;

namespace ImpactSite.Content.Posts;

/// <summary>posts/&lt;slug&gt;.md: a blog post written with contributors, at /blog/&lt;slug&gt;/.</summary>
public sealed class PostKind : EntryKind<Post, PostPageView>
{
    public override string Name => "post";
    public override string Label => "blog post";
    public override string SearchLabel => "Blog post";
    public override string CollectionLabel => "Blog posts";
    public override string FilePath(string slug, string? study) => $"posts/{slug}.md";
    public override string Route(string slug, string? study) => Routes.Post(slug);
    protected override string TitleHelp => "The post's title. Shown as the page's main heading.";
    public override int Order => 30;
    public override void WriteStarter(StarterWriter t, ScaffoldRequest r) => PostStarter.Write(t, r);
    public override string StarterBody => "Write the post here, in markdown. To mention someone, write @ and then their id from people.yml, never their name.";
    public override EditorCollection Editor { get; } = new("{{date}}: {{title}}", ["date", "title"]);

    protected override Post? ReadEntry(FrontMatterDocument doc, EntrySource source) => PostReader.Read(doc, source);
    protected override IReadOnlyList<(string Title, string Route)> Trail(Post post) => [("Blog", Routes.Blog)];
    protected override string? Description(Post post) => post.Summary?.PlainText;
    protected override PostPageView View(Post post, SiteSettings site) => new() { Post = post };
    protected override Study? StudyOf(Post post) => post.Study;
    protected override string SearchText(Post p) => $"{p.Summary?.PlainText} {string.Join(" ", p.Authors.Select(a => a.Credit))} {p.Body.PlainText}";

    protected override IReadOnlyList<KeySpec> OwnKeys { get; } =
    [
        new("date", KeyType.Date, "Date", "The date the post is published.", Need.Required),
        new("authors", KeyType.People, "Written by", "Who wrote it: at least one person id from people.yml. Each is credited only as they consented.", Need.Required),
        new("study", KeyType.Study, "About the study", "The study the post is about: its folder name under studies/."),
        new("summary", KeyType.InlineMarkdown, "Summary", "One or two sentences shown on the blog's list of posts."),
        ContentKinds.StandardsKey("this post"),
    ];

    // Last among the static fields: the definition above reads them (Values, Fields) when it is made.
    public static readonly PostKind Instance = new();
    /// <summary>Registers the kind (<see cref="ContentKinds"/>) when the program starts.</summary>
    [ModuleInitializer] internal static void Register() => ContentKinds.Register(Instance);
}
