namespace ImpactSite.Content.Studies;

/// <summary>studies/&lt;study&gt;/index.md: one study, with its impact page at /studies/&lt;study&gt;/.</summary>
public sealed class StudyKind : ContentKind
{
    public static readonly string[] Statuses = ["planned", "active", "completed"];

    public override string Name => "study";
    public override string Label => "study";
    public override string SearchLabel => "Study";
    public override string CollectionLabel => "Studies";
    public override string FilePath(string slug, string? study) => $"studies/{slug}/index.md";
    public override string Route(string slug, string? study) => Routes.Study(slug);
    protected override string TitleHelp => "The study's name. Shown as the page's main heading.";
    public override void WriteStarter(StarterWriter t, ScaffoldRequest r) => StudyStarter.Write(t, r);
    public override string StarterBody => "Write about the study here, in plain English. This text is shown as \"About the study\".";

    /// <summary>The fields of one release in 'releases'.</summary>
    public static readonly IReadOnlyList<KeySpec> ReleaseFields =
    [
        new("date", KeyType.Date, "Date", "The day the release freezes: the study as it stood at the end of that day (UTC). Today or earlier.", Need.Required),
        new("title", KeyType.Text, "Title", "Such as \"End-of-grant report\".", Need.Required),
        new("doi", KeyType.Text, "DOI", "The DOI minted for this release, if any, such as 10.5281/zenodo.1234567."),
    ];

    protected override IReadOnlyList<KeySpec> OwnKeys { get; } =
    [
        new("summary", KeyType.Markdown, "Summary", "A plain-English summary, shown at the top of the study page and on study cards.", Need.Required),
        new("status", KeyType.Choice, "Status", "Where the study is up to.", Need.Required) { Values = Statuses },
        new("started", KeyType.Date, "Started", "The date the study started."),
        new("ended", KeyType.Date, "Ended", "The date the study ended; not before 'started'. Expected once the status is completed."),
        new("funder", KeyType.Text, "Funder", "Who funds the study."),
        new("funder_reference", KeyType.Text, "Funder's reference", "The funder's reference for the grant."),
        new("groups", KeyType.Texts, "Involvement groups", "The involvement groups that advise the study. A meeting's 'group' must be one of these, spelt the same way."),
        new("involvement_aim", KeyType.Markdown, "Aim of involvement (GRIPP2)", "Why you involved people, in a sentence or two."),
        new("involvement_methods", KeyType.Markdown, "How people were involved (GRIPP2)", "How people were involved: groups, meetings, reviews."),
        new("discussion", KeyType.Markdown, "What involvement changed (GRIPP2)", "What involvement changed, and what it did not."),
        new("reflections", KeyType.Markdown, "Reflections (GRIPP2)", "What went well, and what you would do differently."),
        new("doi", KeyType.Text, "DOI", "A DOI for the study's data as a whole (for example from Zenodo), such as 10.5281/zenodo.1234567. Shown wherever the study is cited."),
        new("releases", KeyType.Steps, "Frozen releases", "Citable snapshots of the study's evidence, each as it stood at the end of its date (UTC), rebuilt from the git history; once published a release never changes.") { Fields = ReleaseFields },
    ];

    /// <summary>The breadcrumb trail of a page inside a study, below Home.</summary>
    public static IReadOnlyList<(string Title, string Route)> Trail(Study study, params (string Title, string Route)[] below) =>
        [("Studies", Routes.Studies), (study.Title, study.Route), .. below];

    /// <summary>The title of the study's feed of suggestions, as every page that links it names it.</summary>
    public static string FeedTitle(Study study) => $"{study.Title}: what happened to your suggestions";

    // Last among the static fields: the definition above reads them (Values, Fields) when it is made.
    public static readonly StudyKind Instance = new();
}
