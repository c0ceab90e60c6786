using ImpactSite.Content;

namespace ImpactSite.Scaffold;

/// <summary>
/// The text of a new markdown file: valid front matter for its kind (each kind writes its own keys,
/// <see cref="ContentKind.WriteStarter"/>) with a plain-English comment above every key.
/// Required keys get placeholder text, which the build reports as an error until it is replaced (see
/// <see cref="Placeholders"/>); optional keys are written commented out (#), so removing the '# ' is all it takes to use one. Examples for keys that name people or meetings are deliberately
/// not real ids, so a file cannot credit the wrong person by accident: the build stops until they are replaced.
/// </summary>
public static class EntryTemplates
{
    public static string Render(ScaffoldRequest request) => Write(request).ToString();

    /// <summary>
    /// Every placeholder text a template can write, taken from the templates themselves (each kind written once), so
    /// the check for placeholders left in content cannot fall out of step with what 'new' writes.
    /// </summary>
    public static IReadOnlyList<string> Placeholders { get; } = ContentKinds.All
        .SelectMany(kind => Write(new ScaffoldRequest(kind, "Title", new DateOnly(2025, 1, 1)) { Study = "study" }).Placeholders)
        .Distinct().ToList();

    static StarterWriter Write(ScaffoldRequest request)
    {
        var t = new StarterWriter();
        t.Line("---");
        t.Comment($"A new {request.Kind.Name}, started by 'impactsite new'. Lines starting with # are notes for you: the build ignores them.",
            "To use an optional key, delete the '# ' in front of it. Dates are written YYYY-MM-DD.",
            "When you have filled it in, run 'impactsite check'. docs/content-guide.md explains every key.");
        t.Blank();
        request.Kind.WriteStarter(t, request);
        t.Blank();
        Common(t, request);
        t.Line("---");
        t.Line(t.Placeholder(request.Kind.StarterBody));
        return t;
    }

    static void Common(StarterWriter t, ScaffoldRequest r)
    {
        t.Comment("Keys every file may carry. All optional.");
        t.Comment("Keep this file off the website while you work on it: true or false. Delete the line to publish.");
        t.Off("draft", "true");
        t.Comment("Old addresses of this page that must keep working, as site paths such as /news/old-address/.");
        t.Off("redirect_from", "[/news/old-address/]");
        t.Comment("The date of the last meaningful change, shown as \"last updated\".");
        t.Off("updated", StarterWriter.Iso(r.Date));
        t.Comment("Free topic labels, shown as \"Topics\".");
        t.Off("tags", "[recruitment, plain English]");
        t.Comment("A short note shown before the text, for difficult topics. Plain text: no markdown, no mentions.");
        t.Off("content_note", StarterWriter.Quote("discusses experiences of crisis care"));
    }
}
