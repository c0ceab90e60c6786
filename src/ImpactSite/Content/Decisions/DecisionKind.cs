using ImpactSite.Content.Meetings;
using System.Runtime.CompilerServices;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;
using ImpactSite.Load;

namespace ImpactSite.Content.Decisions;

/// <summary>studies/&lt;study&gt;/decisions/&lt;slug&gt;.md: one "you said, we did" entry.</summary>
public sealed class DecisionKind : EntryKind<Decision, DecisionPageView>
{
    public override string Name => "decision";
    public override string Label => "suggestion";
    public override string SearchLabel => "You said, we did";
    public override string CollectionLabel => "You said, we did";
    public override bool InStudy => true;
    public override string FilePath(string slug, string? study) => $"studies/{study}/decisions/{slug}.md";
    public override string Route(string slug, string? study) => Routes.Decision(study!, slug);
    protected override string TitleHelp => "The suggestion in a few words. Shown as the page's main heading.";
    /// <summary>After meetings: raised_at names one.</summary>
    public override int Order => 20;
    public override IReadOnlyList<Type> LayoutTypes => [typeof(DecisionUpdate)];
    public override void WriteStarter(StarterWriter t, ScaffoldRequest r) => DecisionStarter.Write(t, r);
    public override string StarterBody => "Anything else worth saying about this suggestion, in markdown. To mention someone, write @ and then their id from people.yml, never their name.";
    public override EditorCollection Editor { get; } = new("{{raised}}: {{title}} ({{status}})", ["raised", "title", "status"])
    {
        Filters = [("Waiting for an answer", "status", "^(open|considering)$"), ("Answered", "status", "adopted$")],
    };

    protected override Decision? ReadEntry(FrontMatterDocument doc, EntrySource source) =>
        DecisionReader.Read(doc, source.Study!, source.Slug, source.Reading, source.Today);

    /// <summary>How long it has waited (overdue after site.yml's overdue_after_days), and the back-link from its meeting.</summary>
    protected override void Complete(Decision decision, SiteSettings site, DateOnly today)
    {
        decision.DaysWaiting = today.DayNumber - decision.Raised.DayNumber;
        decision.Overdue = !decision.IsResponded && decision.DaysWaiting > site.OverdueAfterDays;
        decision.RaisedAt?.DecisionsRaised.Add(decision);
    }

    protected override IReadOnlyList<(string Title, string Route)> Trail(Decision decision) =>
        StudyKind.Trail(decision.Study, ("You said, we did", Routes.Decisions(decision.Study.Slug)));
    protected override string? Description(Decision decision) => decision.YouSaid.PlainText;
    protected override Study? StudyOf(Decision decision) => decision.Study;
    protected override string SearchText(Decision d) =>
        $"{d.YouSaid.PlainText} {d.WeDid?.PlainText} {d.Reason?.PlainText} {d.StatusLabel} {string.Join(" ", d.RaisedBy.Select(p => p.Credit))}";
    protected override DecisionPageView View(Decision decision, SiteSettings site) => new()
    {
        Decision = decision, AlternateFeedUrl = site.Href(Routes.StudyFeed(decision.Study.Slug)), AlternateFeedTitle = StudyKind.FeedTitle(decision.Study),
    };

    /// <summary>The fields of one step in 'updates'.</summary>
    public static readonly IReadOnlyList<KeySpec> UpdateFields =
    [
        new("date", KeyType.Date, "Date", "When this step happened.", Need.Required),
        new("status", KeyType.Choice, "Status", "The status from this step on.", Need.Required) { Values = DecisionStatus.All },
        new("note", KeyType.InlineMarkdown, "What happened", "What happened at this step, such as \"raised with the ethics committee\".", Need.Required),
    ];

    protected override IReadOnlyList<KeySpec> OwnKeys { get; } =
    [
        new("raised", KeyType.Date, "Raised on", "The date the suggestion was made.", Need.Required),
        new("raised_at", KeyType.Meeting, "Raised at", "The meeting it was made at: that meeting's file name without .md, a meeting of this study."),
        new("raised_by", KeyType.People, "Raised by", "Who made the suggestion: person ids from people.yml. Leave it out to show \"raised by the group\"."),
        new("you_said", KeyType.InlineMarkdown, "You said", "What contributors said, in a short paragraph. Mention people as @id, never by name.", Need.Required),
        new("status", KeyType.Choice, "Status", "What happened to the suggestion.", Need.Required) { Values = DecisionStatus.All },
        new("we_did", KeyType.InlineMarkdown, "We did", "What the team did in response.", Need.Conditional) { RequiredWhen = "Required once the status is adopted, partly-adopted or not-adopted." },
        new("responded", KeyType.Date, "Responded on", "When the response was given; not before 'raised'.", Need.Conditional) { RequiredWhen = "Required with 'we did'." },
        new("reason", KeyType.InlineMarkdown, "Why not (all of) it", "Why the suggestion was not adopted, or not in full.", Need.Conditional) { RequiredWhen = "Required when the status is not-adopted or partly-adopted." },
        new("decided_by", KeyType.Text, "Decided by", "Who made the call: a group, such as \"Trial steering committee\", never a person's name."),
        ContentKinds.StandardsKey("this suggestion"),
        ContentKinds.StageKey("this suggestion"),
        new("updates", KeyType.Steps, "Progress updates", "Steps before the final answer, such as \"considering: raised with the ethics committee\".") { Fields = UpdateFields },
    ];

    // Last among the static fields: the definition above reads them (Values, Fields) when it is made.
    public static readonly DecisionKind Instance = new();
    /// <summary>Registers the kind (<see cref="ContentKinds"/>) when the program starts.</summary>
    [ModuleInitializer] internal static void Register() => ContentKinds.Register(Instance);
}
