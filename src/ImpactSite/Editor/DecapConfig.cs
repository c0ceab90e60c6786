using YamlDotNet.RepresentationModel;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.People;
using ImpactSite.Content.Settings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Editor;

/// <summary>A study the editor offers collections for: its folder name and title.</summary>
public sealed record EditorStudy(string Slug, string Title);

/// <summary>
/// The browser editor's configuration (Decap CMS, published at /admin/config.yml), generated from the content kinds
/// in Content/ so the editor cannot ask for other keys, values or required fields than the build checks.
/// <list type="bullet">
/// <item>Meetings and decisions live in a folder per study. Decap can only create entries in a folder it is told
/// about, so each study gets its own two collections; they are generated from the studies the site has, so a new
/// study gets them at the next build.</item>
/// <item>Every edit is a branch and a pull request (<c>publish_mode: editorial_workflow</c>), where the build's own
/// check runs before anything reaches the live site (docs/editing-in-the-browser.md).</item>
/// <item>No field has a default that creates content: a list of steps with a default would start every new entry
/// with one empty, required step (the form then refuses to publish and does not say where).</item>
/// </list>
/// </summary>
public static class DecapConfig
{
    public const string PeopleCollection = "people", SiteCollection = "site", StudiesCollection = "studies";

    /// <summary>theme/admin/uk-date.js: typed and shown as DD/MM/YYYY, stored as the contract's YYYY-MM-DD, no time
    /// and no time zone. Decap's own date field follows the computer's settings (often MM/DD/YYYY) instead.</summary>
    public const string UkDateWidget = "uk-date";

    /// <summary>A kind's collection in one study's folder: Decap can only create entries in a folder it is told about,
    /// so each study has one collection per kind ("decisions-bridge").</summary>
    public static string CollectionName(EntryKind kind, string study) => $"{kind.Path.Folder.Split('/')[^1]}-{study}";

    /// <param name="studies">The site's studies (drafts too: an editor may be filling one in).</param>
    /// <param name="peopleEditable">people.yml keeps its list under 'people:', which Decap can edit. A plain list
    /// cannot be edited there: people are then typed as ids, and there is no People collection to overwrite it.</param>
    public static string Generate(IReadOnlyList<EditorStudy> studies, bool peopleEditable)
    {
        var context = new FieldContext(studies, peopleEditable);
        var collections = new List<object>
        {
            FolderCollection(ContentKinds.Study, StudiesCollection, "Studies", "input/studies", context, new()
            {
                ["path"] = "{{slug}}/index",
                // An entry's pictures sit with the site's other images, not in the study's folder.
                ["media_folder"] = "/input/assets/images",
                ["public_folder"] = "/assets/images",
                ["summary"] = "{{title}} ({{status}})",
                ["description"] = "One page per study, with its impact figures. The folder name is made from the title the first time you save: start with a short title (such as \"Bridge\"), save, then give the full title.",
            }),
        };
        collections.AddRange(ContentKinds.OutsideStudies.Select(kind => FolderCollection(kind, kind.Path.Folder, kind.CollectionLabel, context)));
        foreach (var study in studies)
        {
            // Short, as the study is known ("CALM WATERS"): the label also names the collection in commit messages.
            var name = study.Slug.Replace('-', ' ').ToUpperInvariant();
            foreach (var kind in ContentKinds.InStudies)
            {
                var collection = FolderCollection(kind, CollectionName(kind, study.Slug),
                    $"{name}: {char.ToLowerInvariant(kind.CollectionLabel[0])}{kind.CollectionLabel[1..]}", context with { Study = study.Slug }, study.Slug);
                collection["label_singular"] = $"{name} {kind.Label}";
                collections.Add(collection);
            }
        }
        if (peopleEditable) collections.Add(PeopleFiles(context));
        collections.Add(FileCollection(SiteCollection, "Site settings", "input/site.yml", "The site's title, address and the frameworks its impact pages report against.",
            SiteKeys.All.Select(context.Field)));

        var config = new Dictionary<string, object?>
        {
            ["backend"] = new Dictionary<string, object>
            {
                ["name"] = "git-gateway",
                ["branch"] = "main",
                ["squash_merges"] = true,
                ["commit_messages"] = new Dictionary<string, string>
                {
                    ["create"] = "Add {{collection}} \"{{slug}}\" (web editor, {{author-name}})",
                    ["update"] = "Update {{collection}} \"{{slug}}\" (web editor, {{author-name}})",
                    ["delete"] = "Delete {{collection}} \"{{slug}}\" (web editor, {{author-name}})",
                    ["uploadMedia"] = "Upload \"{{path}}\" (web editor, {{author-name}})",
                    ["deleteMedia"] = "Delete \"{{path}}\" (web editor, {{author-name}})",
                    ["openAuthoring"] = "{{message}}",
                },
            },
            ["publish_mode"] = "editorial_workflow",
            // Only used when the editor is opened on this computer (localhost) with 'npx decap-server' running:
            // Decap ignores it on any other address.
            ["local_backend"] = true,
            ["media_folder"] = "input/assets/images",
            ["public_folder"] = "/assets/images",
            ["slug"] = new Dictionary<string, object> { ["encoding"] = "ascii", ["clean_accents"] = true, ["sanitize_replacement"] = "-" },
            // Decap's preview would render markdown its own way (no @mentions, no page links): the deploy preview
            // of the pull request shows the page as readers will see it.
            ["editor"] = new Dictionary<string, object> { ["preview"] = false },
            ["collections"] = collections,
        };
        return "# Generated by ImpactSite from the content kinds (src/ImpactSite/Content): do not edit.\n"
             + "# docs/editing-in-the-browser.md explains the editor.\n"
             + Yaml(config);
    }

    /// <summary>
    /// The configuration as YAML, through YamlDotNet's representation model: its object serializer needs reflection
    /// the native executable does not have. Strings are quoted only where YAML needs it (the emitter decides).
    /// </summary>
    static string Yaml(object config)
    {
        var stream = new YamlStream(new YamlDocument(Node(config)));
        using var writer = new StringWriter();
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    static YamlNode Node(object? value) => value switch
    {
        null => new YamlScalarNode("~"),
        string text => new YamlScalarNode(text),
        bool flag => new YamlScalarNode(flag ? "true" : "false"),
        int or long or double => new YamlScalarNode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)),
        System.Collections.IDictionary map => new YamlMappingNode(map.Keys.Cast<object>()
            .Select(k => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(k.ToString()!), Node(map[k])))),
        System.Collections.IEnumerable list => new YamlSequenceNode(list.Cast<object?>().Select(Node)),
        _ => new YamlScalarNode(value.ToString()),
    };

    /// <summary>An entry kind's collection, as its <see cref="ContentKind.Editor"/> says to list and name its files.</summary>
    static Dictionary<string, object?> FolderCollection(EntryKind kind, string name, string label, FieldContext context, string? study = null)
    {
        var editor = kind.Editor;
        var extra = new Dictionary<string, object?>();
        if (editor.Summary is { } summary) extra["summary"] = summary;
        if (editor.SortableFields is { } sortable) extra["sortable_fields"] = sortable;
        if (editor.Filters.Count > 0)
            extra["view_filters"] = editor.Filters.Select(f => new Dictionary<string, object> { ["label"] = f.Label, ["field"] = f.Field, ["pattern"] = f.Pattern }).ToList();
        if (editor.Description is { } description) extra["description"] = description;
        extra["slug"] = editor.Slug;
        var folder = "input/" + kind.Path.Folder.Replace("<study>", study);
        return FolderCollection(kind, name, label, folder, context, extra);
    }

    static Dictionary<string, object?> FolderCollection(ContentKind kind, string name, string label, string folder, FieldContext context, Dictionary<string, object?> extra)
    {
        var collection = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["label"] = label,
            ["label_singular"] = char.ToUpperInvariant(kind.Label[0]) + kind.Label[1..],
            ["folder"] = folder,
            ["extension"] = "md",
            ["format"] = "yaml-frontmatter",
            ["create"] = true,
            // Published addresses are cited by funders: the editor never deletes a file (tick Draft instead).
            ["delete"] = false,
            ["slug"] = "{{slug}}",
        };
        foreach (var (key, value) in extra) collection[key] = value;
        collection["fields"] = kind.Keys.Select(context.Field).Append(Body(kind)).ToList();
        return collection;
    }

    static Dictionary<string, object?> Body(ContentKind kind) => new()
    {
        ["label"] = kind.Editor.BodyLabel,
        ["name"] = "body",
        ["widget"] = "markdown",
        ["required"] = false,
        ["hint"] = "Mention people as @ followed by their id, never by name. Every picture needs a description.",
    };

    static Dictionary<string, object?> FileCollection(string name, string label, string file, string description, IEnumerable<Dictionary<string, object?>> fields) => new()
    {
        ["name"] = name,
        ["label"] = label,
        ["description"] = description,
        ["delete"] = false,
        ["editor"] = new Dictionary<string, object> { ["preview"] = false },
        ["files"] = new object[]
        {
            new Dictionary<string, object?> { ["name"] = name, ["label"] = label, ["file"] = file, ["fields"] = fields.ToList() },
        },
    };

    /// <summary>people.yml as one list: a person is never deleted (old notes still refer to them), only withdrawn.</summary>
    static Dictionary<string, object?> PeopleFiles(FieldContext context) => FileCollection(PeopleCollection, "People", "input/people.yml",
        "Everyone who appears on the site, and how they agreed to be credited. To withdraw someone's consent, tick 'Consent withdrawn': do not remove them.",
        [new()
        {
            ["label"] = "People",
            ["name"] = PersonKeys.ListKey,
            ["widget"] = "list",
            ["label_singular"] = "person",
            ["allow_remove"] = false,
            ["collapsed"] = true,
            ["summary"] = "{{fields.id}} ({{fields.credit}}, {{fields.role}})",
            ["fields"] = PersonKeys.All.Select(context.Field).ToList(),
        }]);

    /// <summary>How one key becomes one form field; Study is set inside a study's own collections.</summary>
    sealed record FieldContext(IReadOnlyList<EditorStudy> Studies, bool PeopleEditable, string? Study = null)
    {
        public Dictionary<string, object?> Field(KeySpec key)
        {
            var field = new Dictionary<string, object?> { ["label"] = key.Label, ["name"] = key.Name };
            foreach (var (option, value) in Widget(key)) field[option] = value;
            // Decap's fields are required unless they say otherwise; a conditional key cannot be expressed in the
            // form, so it is optional there, its rule is in the hint, and the build's check enforces it.
            field["required"] = key.Need == Need.Required;
            field["hint"] = key.RequiredWhen is { } when ? $"{key.Help} {when}" : key.Help;
            return field;
        }

        IEnumerable<(string, object?)> Widget(KeySpec key)
        {
            switch (key.Type)
            {
                case KeyType.Text: yield return ("widget", "string"); break;
                case KeyType.Markdown or KeyType.InlineMarkdown: yield return ("widget", "text"); break;
                case KeyType.Boolean: yield return ("widget", "boolean"); break;
                case KeyType.Date: yield return ("widget", UkDateWidget); break;
                case KeyType.WholeNumber:
                    yield return ("widget", "number");
                    yield return ("value_type", "int");
                    yield return ("min", 0);
                    break;
                case KeyType.Choice or KeyType.Choices:
                    yield return ("widget", "select");
                    if (key.Type == KeyType.Choices) yield return ("multiple", true);
                    yield return ("options", key.Values.Select(v => new Dictionary<string, string> { ["label"] = ChoiceLabel(key, v), ["value"] = v }).ToList());
                    break;
                case KeyType.Person or KeyType.People:
                    foreach (var option in PersonWidget(key.Type == KeyType.People)) yield return option;
                    break;
                case KeyType.Meeting:
                    yield return ("widget", "relation");
                    yield return ("collection", CollectionName(ContentKinds.Meeting, Study!));
                    yield return ("value_field", "{{slug}}");
                    yield return ("search_fields", new[] { "title", "date" });
                    yield return ("display_fields", new[] { "date", "title" });
                    break;
                case KeyType.Study:
                    // Studies are few and rarely added: a list of the site's studies, by title.
                    yield return ("widget", "select");
                    yield return ("options", Studies.Select(s => new Dictionary<string, string> { ["label"] = s.Title, ["value"] = s.Slug }).ToList());
                    break;
                case KeyType.Texts or KeyType.Paths: yield return ("widget", "list"); break;
                case KeyType.Steps:
                    yield return ("widget", "list");
                    if (ItemLabels.GetValueOrDefault(key.Name) is { } item) yield return ("label_singular", item);
                    // A folded item is shown by its first two fields: "2026-03-01: considering", "2026-11-30: End-of-grant report".
                    yield return ("summary", string.Join(": ", key.Fields.Take(2).Select(f => $"{{{{fields.{f.Name}}}}}")));
                    yield return ("fields", key.Fields.Select(Field).ToList());
                    break;
                default: throw new ArgumentOutOfRangeException(nameof(key), key.Type, "a key type the editor has no widget for");
            }
        }

        IEnumerable<(string, object?)> PersonWidget(bool multiple)
        {
            if (!PeopleEditable)
            {
                // No People collection to pick from: ids typed by hand, checked by the build.
                yield return ("widget", multiple ? "list" : "string");
                yield break;
            }
            yield return ("widget", "relation");
            yield return ("collection", PeopleCollection);
            yield return ("file", PeopleCollection);
            yield return ("value_field", $"{PersonKeys.ListKey}.*.id");
            // Ids and roles only: the editor is no place to show names a person asked to keep private.
            yield return ("search_fields", new[] { $"{PersonKeys.ListKey}.*.id", $"{PersonKeys.ListKey}.*.role" });
            yield return ("display_fields", new[] { $"{PersonKeys.ListKey}.*.id", $"{PersonKeys.ListKey}.*.role" });
            if (multiple) yield return ("multiple", true);
        }
    }

    /// <summary>The "Add ..." button of a list of steps.</summary>
    static readonly Dictionary<string, string> ItemLabels = new() { ["updates"] = "step", ["releases"] = "release" };

    static string ChoiceLabel(KeySpec key, string value) => key.Name switch
    {
        "status" when key.Values.SequenceEqual(DecisionStatus.All) => DecisionStatus.Label(value),
        "standards" => $"{Standards.Label(value)} ({FrameworkName(value)})",
        "stage" => ResearchStages.Label(value),
        "frameworks" => value == Standards.FourPi ? "NSUN 4Pi" : "UK Standards for Public Involvement",
        _ => char.ToUpperInvariant(value[0]) + value[1..].Replace('-', ' '),
    };

    static string FrameworkName(string standard) => standard == "impact" ? "UK Standards and NSUN 4Pi"
        : Standards.All.First(s => s.Id == standard).Framework == Standards.FourPi ? "NSUN 4Pi" : "UK Standards";
}
