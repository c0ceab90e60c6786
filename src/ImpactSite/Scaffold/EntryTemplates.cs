using System.Globalization;
using System.Text;
using ImpactSite.Content.Studies;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Meetings;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Pages;
using ImpactSite.Content.People;

namespace ImpactSite.Scaffold;

/// <summary>What a new file is about, and what the input folder already holds that helps fill it in.</summary>
public sealed record ScaffoldRequest(ContentKind Kind, string Title, DateOnly Date)
{
    /// <summary>The study a meeting or decision belongs to, or that a post is about.</summary>
    public string? Study { get; init; }
    /// <summary>Person ids for a post's authors (already checked against people.yml).</summary>
    public IReadOnlyList<string> Authors { get; init; } = [];
    /// <summary>The study's groups, listed in the comment above a meeting's 'group'.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    /// <summary>Meeting file names of the study, newest first, listed above a decision's 'raised_at'.</summary>
    public IReadOnlyList<string> Meetings { get; init; } = [];
    /// <summary>Ids in people.yml, listed above keys that take person ids.</summary>
    public IReadOnlyList<string> PersonIds { get; init; } = [];
}

/// <summary>
/// The text of a new markdown file: valid front matter for its kind with a plain-English comment above every key.
/// Required keys get placeholder text, which the build reports as an error until it is replaced (see
/// <see cref="Placeholders"/>); optional keys are written commented out (#), so removing the '# ' is all it takes to use one. Examples for keys that name people or meetings are deliberately
/// not real ids, so a file cannot credit the wrong person by accident: the build stops until they are replaced.
/// </summary>
public static class EntryTemplates
{
    const int ListedAtMost = 12;

    public static string Render(ScaffoldRequest request) => Write(request).ToString();

    /// <summary>
    /// Every placeholder text a template can write, taken from the templates themselves (each kind written once), so
    /// the check for placeholders left in content cannot fall out of step with what 'new' writes.
    /// </summary>
    public static IReadOnlyList<string> Placeholders { get; } = ContentKinds.All
        .SelectMany(kind => Write(new ScaffoldRequest(kind, "Title", new DateOnly(2025, 1, 1)) { Study = "study" }).Placeholders)
        .Distinct().ToList();

    static TemplateWriter Write(ScaffoldRequest request)
    {
        var t = new TemplateWriter();
        t.Line("---");
        t.Comment($"A new {request.Kind.Name}, started by 'impactsite new'. Lines starting with # are notes for you: the build ignores them.",
            "To use an optional key, delete the '# ' in front of it. Dates are written YYYY-MM-DD.",
            "When you have filled it in, run 'impactsite check'. docs/content-guide.md explains every key.");
        t.Blank();
        switch (request.Kind)
        {
            case StudyKind: Study(t, request); break;
            case MeetingKind: Meeting(t, request); break;
            case DecisionKind: Decision(t, request); break;
            case PostKind: Post(t, request); break;
            case PageKind: Page(t, request); break;
            default: FromKeys(t, request); break;
        }
        t.Blank();
        Common(t, request);
        t.Line("---");
        t.Line(t.Placeholder(Body(request.Kind)));
        return t;
    }

    static void Title(TemplateWriter t, ScaffoldRequest r, string what)
    {
        t.Comment($"{what} Shown as the page's main heading. Required.");
        t.Key("title", Quote(r.Title));
    }

    static void Study(TemplateWriter t, ScaffoldRequest r)
    {
        Title(t, r, "The study's name.");
        t.Comment("A plain-English summary, shown at the top of the study page and on study cards. Required.");
        t.Key("summary", t.Quoted("Write a plain-English summary of the study here: what it wants to find out, and for whom."));
        t.Comment($"Where the study is up to. Required. One of: {string.Join(", ", ContentKeys.StudyStatuses)}.");
        t.Key("status", "planned");
        t.Comment("The date the study started. Optional.");
        t.Off("started", Iso(r.Date));
        t.Comment("The date the study ended; not before 'started'. Optional, but expected once the status is completed.");
        t.Off("ended", Iso(r.Date));
        t.Comment("Who funds the study, and their reference for the grant. Optional.");
        t.Off("funder", Quote("National Institute for Health and Care Research"));
        t.Off("funder_reference", Quote("NIHR123456"));
        t.Comment("The involvement groups that advise the study. A meeting's 'group' must be one of these, spelt the same way. Optional.");
        t.Off("groups", "[LEAP North, Carers' Circle]");
        t.Comment("GRIPP2 short form, for the study's involvement report (markdown). Each is optional:",
            "the aim of involvement; how people were involved; what involvement changed, and what it did not;",
            "what went well and what you would do differently.");
        t.Off("involvement_aim", t.Quoted("Why you involved people, in a sentence or two."));
        t.Off("involvement_methods", t.Quoted("How people were involved: groups, meetings, reviews."));
        t.Off("discussion", t.Quoted("What involvement changed, and what it did not."));
        t.Off("reflections", t.Quoted("What went well, and what you would do differently."));
        t.Comment("A DOI for the study's data as a whole (for example from Zenodo), shown wherever the study is cited. Optional.");
        t.Off("doi", "10.5281/zenodo.1234567");
        t.Comment("Frozen, citable releases: each is the study as it stood at the end of its date (UTC), rebuilt from the git history,",
            "and never changes. Optional. Each has a date (today or earlier), a title, and a doi once one is minted.");
        t.Off("releases", "");
        t.Line($"#   - date: {Iso(r.Date)}");
        t.Line("#     title: \"End-of-grant report\"");
    }

    static void Meeting(TemplateWriter t, ScaffoldRequest r)
    {
        Title(t, r, "What the meeting was about.");
        t.Comment("The date it was held. Required.");
        t.Key("date", Iso(r.Date));
        t.Comment("Which group met. Optional; must be one of the study's groups, spelt the same way.",
            r.Groups.Count == 0
                ? $"The study lists no groups yet: add them as 'groups' in studies/{r.Study}/index.md first."
                : $"This study's groups: {List(r.Groups)}.");
        t.Off("group", Quote(r.Groups.Count > 0 ? r.Groups[0] : "LEAP North"));
        t.Comment($"How it was held. Optional. One of: {string.Join(", ", ContentKeys.MeetingFormats)}.");
        t.Off("format", ContentKeys.MeetingFormats[0]);
        PeopleHint(t, r);
        t.Comment("Who chaired it: one person id from people.yml (without @). Optional.");
        t.Off("chair", "person-id");
        t.Comment("People who agreed to be listed as attending: person ids from people.yml. Optional.");
        t.Off("attendees", "[person-id, another-person-id]");
        t.Comment("How many came in total, when not everyone is listed. Must be at least the number listed. Optional.");
        t.Off("attendee_count", "8");
        Standards(t, "this meeting");
        Stage(t, "the meeting");
    }

    static void Decision(TemplateWriter t, ScaffoldRequest r)
    {
        Title(t, r, "The suggestion in a few words.");
        t.Comment("The date the suggestion was made. Required.");
        t.Key("raised", Iso(r.Date));
        t.Comment("The meeting it was made at: that meeting's file name without .md. Optional; must be a meeting of this study.",
            r.Meetings.Count == 0 ? $"This study has no meetings yet (studies/{r.Study}/meetings/)." : $"Meetings of this study: {List(r.Meetings)}.");
        t.Off("raised_at", "meeting-file-name");
        PeopleHint(t, r);
        t.Comment("Who made the suggestion: person ids from people.yml (without @). Optional: leave it out to show \"raised by the group\".");
        t.Off("raised_by", "[person-id]");
        t.Comment("What contributors said, in a short paragraph. Required. Markdown is allowed; mention people as @id, never by name.",
            "Put the text in quotes if it contains ': ' or starts with @.");
        t.Key("you_said", t.Quoted("Write what contributors said here."));
        t.Comment($"What has happened to the suggestion. Required. One of: {string.Join(", ", DecisionStatus.All)}.",
            "Open means not yet answered and considering means being worked on. The other three are answers: they need we_did and responded.");
        t.Key("status", DecisionStatus.Open);
        t.Comment("What the team did in response (markdown). Required for adopted, partly-adopted and not-adopted.");
        t.Off("we_did", t.Quoted("Write what the team did in response here."));
        t.Comment("The date the response was given. Required with we_did; not before 'raised'.");
        t.Off("responded", Iso(r.Date));
        t.Comment("Why it was not adopted, or not in full (markdown). Required for partly-adopted and not-adopted.");
        t.Off("reason", t.Quoted("Explain why here."));
        t.Comment("Who made the call, such as a committee or a role. Optional. Plain text: never a person's name.");
        t.Off("decided_by", Quote("Trial steering committee"));
        Standards(t, "this decision");
        Stage(t, "the suggestion");
        t.Comment("Steps before the final response, so contributors can see something is happening. Optional.",
            $"Each step has a date (not before 'raised'), a status ({string.Join(", ", DecisionStatus.All)}) and a short note.");
        t.Off("updates", "");
        t.Line($"#   - date: {Iso(r.Date)}");
        t.Line($"#     status: {DecisionStatus.Considering}");
        t.Line("#     note: \"Raised with the research ethics committee.\"");
    }

    static void Post(TemplateWriter t, ScaffoldRequest r)
    {
        Title(t, r, "The post's title.");
        t.Comment("The publication date. Required.");
        t.Key("date", Iso(r.Date));
        PeopleHint(t, r);
        t.Comment("Who wrote it: at least one person id from people.yml (without @), shown as each person's public credit. Required.");
        t.Key("authors", $"[{string.Join(", ", r.Authors)}]");
        t.Comment("The study the post is about: a study's folder name. Optional. The post then appears on that study's page and feed.");
        if (r.Study is { } study) t.Key("study", study);
        else t.Off("study", "study-folder-name");
        t.Comment("A short summary, shown on the blog list and used as the page description (markdown, one paragraph). Optional.");
        t.Off("summary", t.Quoted("One or two sentences about the post."));
        Standards(t, "this post");
    }

    static void Page(TemplateWriter t, ScaffoldRequest r) => Title(t, r, "The page's title, also the link text in the menu (or the footer, for privacy and accessibility).");

    /// <summary>A kind with no template of its own (a kind added since): every key of its definition with its help,
    /// required ones written out, optional ones commented out.</summary>
    static void FromKeys(TemplateWriter t, ScaffoldRequest r)
    {
        t.Comment($"{r.Kind.Key("title").Help} Required.");
        t.Key("title", Quote(r.Title));
        foreach (var key in r.Kind.Keys.Where(k => k.Name != "title").Except(ContentKind.Common))
        {
            var need = key.Need switch { Need.Required => "Required.", Need.Conditional => key.RequiredWhen ?? "Optional.", _ => "Optional." };
            t.Comment($"{key.Help} {need}" + (key.Values.Count > 0 ? $" One of: {string.Join(", ", key.Values)}." : ""));
            var example = key.Type switch
            {
                KeyType.Date => Iso(r.Date),
                KeyType.Choice => key.Values[0],
                KeyType.Choices => $"[{key.Values[0]}]",
                KeyType.Boolean => "false",
                KeyType.WholeNumber => "1",
                KeyType.Person => "person-id",
                KeyType.People => "[person-id]",
                KeyType.Meeting => "meeting-file-name",
                KeyType.Study => r.Study ?? "study-folder-name",
                KeyType.Texts or KeyType.Paths or KeyType.Steps => "",
                _ => t.Quoted($"Write the {key.Label.ToLowerInvariant()} here."),
            };
            if (key.Need == Need.Required) t.Key(key.Name, example);
            else t.Off(key.Name, example);
        }
    }

    static void Common(TemplateWriter t, ScaffoldRequest r)
    {
        t.Comment("Keys every file may carry. All optional.");
        t.Comment("Keep this file off the website while you work on it: true or false. Delete the line to publish.");
        t.Off("draft", "true");
        t.Comment("Old addresses of this page that must keep working, as site paths such as /news/old-address/.");
        t.Off("redirect_from", "[/news/old-address/]");
        t.Comment("The date of the last meaningful change, shown as \"last updated\".");
        t.Off("updated", Iso(r.Date));
        t.Comment("Free topic labels, shown as \"Topics\".");
        t.Off("tags", "[recruitment, plain English]");
        t.Comment("A short note shown before the text, for difficult topics. Plain text: no markdown, no mentions.");
        t.Off("content_note", Quote("discusses experiences of crisis care"));
    }

    static void Standards(TemplateWriter t, string what)
    {
        t.Comment($"Involvement standards {what} shows. Optional. Any of:",
            string.Join(", ", Content.Standards.All.Select(s => s.Id)) + ".");
        t.Off("standards", "[communications, impact]");
    }

    static void Stage(TemplateWriter t, string what)
    {
        t.Comment($"The research stage {what} was about, for the figures by stage. Optional. One of: {string.Join(", ", ResearchStages.Ids)}.");
        t.Off("stage", "design");
    }

    static void PeopleHint(TemplateWriter t, ScaffoldRequest r) =>
        t.Comment(r.PersonIds.Count == 0 ? "people.yml lists nobody yet: add people there before naming them here."
            : $"Ids in people.yml: {List(r.PersonIds)}.");

    static string Body(ContentKind kind) => kind switch
    {
        StudyKind => "Write about the study here, in plain English. This text is shown as \"About the study\".",
        MeetingKind => "Write the notes of the meeting here, in markdown. To mention someone, write @ and then their id from people.yml, never their name.",
        DecisionKind => "Anything else worth saying about this suggestion, in markdown. To mention someone, write @ and then their id from people.yml, never their name.",
        PostKind => "Write the post here, in markdown. To mention someone, write @ and then their id from people.yml, never their name.",
        _ => $"Write the {kind.Label} here, in markdown.",
    };

    static string List(IReadOnlyList<string> items) =>
        items.Count <= ListedAtMost ? string.Join(", ", items)
            : string.Join(", ", items.Take(ListedAtMost)) + $" and {items.Count - ListedAtMost} more";

    static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar: safe whatever the text holds (': ', ' #', a leading @ or quote).</summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        return quoted.Append('"').ToString();
    }

    sealed class TemplateWriter
    {
        readonly StringBuilder text = new();
        readonly List<string> placeholders = [];

        /// <summary>The texts written for the author to replace (not examples of real values, such as a funder's name).</summary>
        public IReadOnlyList<string> Placeholders => placeholders;

        public string Placeholder(string text)
        {
            placeholders.Add(text);
            return text;
        }

        /// <summary>A placeholder as a quoted YAML value.</summary>
        public string Quoted(string text) => Quote(Placeholder(text));

        public void Line(string line) => text.Append(line).Append('\n');
        public void Blank() => text.Append('\n');
        public void Comment(params string[] lines)
        {
            foreach (var line in lines) Line("# " + line);
        }
        public void Key(string key, string value) => Line($"{key}: {value}");
        /// <summary>An optional key, written commented out.</summary>
        public void Off(string key, string example) => Line(example.Length == 0 ? $"# {key}:" : $"# {key}: {example}");
        public override string ToString() => text.ToString();
    }
}
