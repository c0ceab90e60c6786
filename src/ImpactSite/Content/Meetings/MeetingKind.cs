using System.Runtime.CompilerServices;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;
using ImpactSite.Load;
using ImpactSite.Text;
using ImpactSite.Content.People;

namespace ImpactSite.Content.Meetings;

/// <summary>studies/&lt;study&gt;/meetings/&lt;slug&gt;.md: the notes of one involvement meeting.</summary>
public sealed class MeetingKind : EntryKind<Meeting, MeetingPageView>
{
    public static readonly string[] Formats = ["in-person", "online", "hybrid"];

    public override string Name => "meeting";
    public override string Label => "meeting";
    public override string SearchLabel => "Meeting";
    public override string CollectionLabel => "Meetings";
    public override bool InStudy => true;
    public override string FilePath(string slug, string? study) => $"studies/{study}/meetings/{slug}.md";
    public override string Route(string slug, string? study) => Routes.Meeting(study!, slug);
    protected override string TitleHelp => "What the meeting was about. Shown as the page's main heading.";
    public override int Order => 10;
    public override void WriteStarter(StarterWriter t, ScaffoldRequest r) => MeetingStarter.Write(t, r);
    public override string StarterBody => "Write the notes of the meeting here, in markdown. To mention someone, write @ and then their id from people.yml, never their name.";
    public override string NewSlug(string slug, DateOnly date) => $"{date:yyyy-MM-dd}-{slug}";
    // The sample's file names start with the meeting's date (2026-02-11-leap-north).
    public override EditorCollection Editor { get; } =
        new("{{date}}: {{title}}", ["date", "title"], Slug: "{{fields.date}}-{{slug}}", BodyLabel: "Notes");

    protected override Meeting? ReadEntry(FrontMatterDocument doc, EntrySource source) => MeetingReader.Read(doc, source.Study!, source.Slug, source.Reading);
    protected override IReadOnlyList<(string Title, string Route)> Trail(Meeting meeting) =>
        StudyKind.Trail(meeting.Study, ("Meetings", Routes.Meetings(meeting.Study.Slug)));
    protected override string? Description(Meeting meeting) => $"{meeting.Group ?? "Involvement"} meeting for {meeting.Study.Title}, {English.Date(meeting.Held)}.";
    protected override MeetingPageView View(Meeting meeting, SiteSettings site) => new() { Meeting = meeting };
    protected override Study? StudyOf(Meeting meeting) => meeting.Study;

    protected override IReadOnlyList<KeySpec> OwnKeys { get; } =
    [
        new("date", KeyType.Date, "Date", "The date it was held.", Need.Required),
        new("group", KeyType.Text, "Group", "Which group met: one of the study's groups, spelt the same way."),
        new("format", KeyType.Choice, "Format", "How it was held.") { Values = Formats },
        new("attendees", KeyType.People, "Who came", "People who agreed to be listed as attending: person ids from people.yml. Each is credited only as they consented."),
        new("chair", KeyType.Person, "Chair", "Who chaired it: one person id from people.yml (without @)."),
        new("attendee_count", KeyType.WholeNumber, "How many came", "How many came in total, when not everyone is listed. Must be at least the number listed."),
        ContentKinds.StandardsKey("this meeting"),
        ContentKinds.StageKey("this meeting"),
    ];

    // Last among the static fields: the definition above reads them (Values, Fields) when it is made.
    public static readonly MeetingKind Instance = new();
    /// <summary>Registers the kind (<see cref="ContentKinds"/>) when the program starts.</summary>
    [ModuleInitializer] internal static void Register() => ContentKinds.Register(Instance);
}
