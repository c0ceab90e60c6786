using AngleSharp.Html.Parser;
using YamlDotNet.RepresentationModel;
using ImpactSite.Build;
using ImpactSite.Content;
using ImpactSite.Content.People;
using ImpactSite.Content.Settings;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;
using ImpactSite.Editor;
using ImpactSite.Content.Decisions;

namespace ImpactSite.Tests.Workflow;

/// <summary>
/// The browser editor's configuration as the build publishes it (/admin/config.yml), read back with YamlDotNet as
/// Decap reads it, against the content kinds (Content/): every collection edits exactly its kind's keys, with the
/// kind's required keys required, its allowed values offered, and people and meetings picked from their collections.
/// If the editor and the build could ever disagree about a file, one of these fails.
/// </summary>
public sealed class DecapConfigTests(SampleSite sample) : IClassFixture<SampleSite>
{
    static readonly string AdminFolder = Path.Combine(Repo.Root, "theme", "admin");

    YamlMappingNode Config => Parse(sample.Site.Text(EditorConfigFile.Path));

    static YamlMappingNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    static IEnumerable<YamlMappingNode> Collections(YamlMappingNode config) => ((YamlSequenceNode)config["collections"]).Children.Cast<YamlMappingNode>();

    static YamlMappingNode Collection(YamlMappingNode config, string name) => Collections(config).Single(c => Text(c, "name") == name);

    static List<YamlMappingNode> Fields(YamlMappingNode node) => ((YamlSequenceNode)node["fields"]).Children.Cast<YamlMappingNode>().ToList();

    static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    static List<string> Strings(YamlMappingNode node, string key) =>
        ((YamlSequenceNode)node[key]).Children.Select(o => o is YamlMappingNode map ? Text(map, "value")! : ((YamlScalarNode)o).Value!).ToList();

    static IEnumerable<string> StudySlugs => Directory.EnumerateDirectories(Path.Combine(Repo.Input, "studies"))
        .Where(d => File.Exists(Path.Combine(d, "index.md"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal);

    /// <summary>Each folder collection with the kind whose files it edits and the study it belongs to.</summary>
    public static TheoryData<string, string, string?> FolderCollections()
    {
        var data = new TheoryData<string, string, string?>
        {
            { DecapConfig.StudiesCollection, "study", null }, { "posts", "post", null }, { "pages", "page", null },
        };
        foreach (var study in StudySlugs)
        {
            data.Add(DecapConfig.CollectionName(ContentKinds.Meeting, study), "meeting", study);
            data.Add(DecapConfig.CollectionName(ContentKinds.Decision, study), "decision", study);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FolderCollections))]
    public void Each_collection_edits_its_kinds_keys_with_the_kinds_rules(string name, string kind, string? study)
    {
        var collection = Collection(Config, name);
        var contentKind = ContentKinds.Named(kind)!;
        Assert.Equal(contentKind.FilePath("SLUG", study).Replace("SLUG.md", "").Replace("SLUG/index.md", "").TrimEnd('/'),
            Text(collection, "folder")!["input/".Length..]);
        var fields = Fields(collection);
        Assert.Equal([.. contentKind.Keys.Select(k => k.Name), "body"], fields.Select(f => Text(f, "name")!));
        foreach (var (key, field) in contentKind.Keys.Zip(fields)) AssertField(key, field, study);
        Assert.Equal("false", Text(fields[^1], "required"));
        Assert.Equal("markdown", Text(fields[^1], "widget"));
        // Published addresses are cited by funders: the editor never deletes a file.
        Assert.Equal("false", Text(collection, "delete"));
        Assert.Equal("yaml-frontmatter", Text(collection, "format"));
    }

    [Fact]
    public void The_people_and_site_forms_edit_exactly_the_keys_the_build_reads()
    {
        var people = Assert.Single(((YamlSequenceNode)Collection(Config, DecapConfig.PeopleCollection)["files"]).Children.Cast<YamlMappingNode>());
        Assert.Equal("input/people.yml", Text(people, "file"));
        var list = Assert.Single(Fields(people));
        Assert.Equal(PersonKeys.ListKey, Text(list, "name"));
        Assert.Equal("list", Text(list, "widget"));
        // Nobody is deleted from the register: old notes still mention them. Consent is withdrawn instead.
        Assert.Equal("false", Text(list, "allow_remove"));
        Assert.Equal(PersonKeys.All.Select(k => k.Name), Fields(list).Select(f => Text(f, "name")!));
        foreach (var (key, field) in PersonKeys.All.Zip(Fields(list))) AssertField(key, field, null);

        var site = Assert.Single(((YamlSequenceNode)Collection(Config, DecapConfig.SiteCollection)["files"]).Children.Cast<YamlMappingNode>());
        Assert.Equal("input/site.yml", Text(site, "file"));
        Assert.Equal(SiteKeys.All.Select(k => k.Name), Fields(site).Select(f => Text(f, "name")!));
        foreach (var (key, field) in SiteKeys.All.Zip(Fields(site))) AssertField(key, field, null);
    }

    /// <summary>One form field against its key: required exactly when the key is, conditional rules explained, the
    /// allowed values offered, dates stored as the contract's dates, people and meetings picked, not typed.</summary>
    static void AssertField(KeySpec key, YamlMappingNode field, string? study)
    {
        Assert.Equal(key.Label, Text(field, "label"));
        Assert.Equal(key.Need == Need.Required ? "true" : "false", Text(field, "required"));
        Assert.Contains(key.Help, Text(field, "hint"));
        if (key.RequiredWhen is { } when) Assert.Contains(when, Text(field, "hint"));
        // A default makes content the co-ordinator did not write; in a list of steps it made an empty, required step
        // that stopped every new suggestion from being published.
        Assert.Null(Text(field, "default"));
        var widget = Text(field, "widget");
        switch (key.Type)
        {
            case KeyType.Choice or KeyType.Choices:
                Assert.Equal("select", widget);
                Assert.Equal(key.Values, Strings(field, "options"));
                Assert.Equal(key.Type == KeyType.Choices ? "true" : null, Text(field, "multiple"));
                break;
            case KeyType.Date:
                // theme/admin/uk-date.js: DD/MM/YYYY on screen, YYYY-MM-DD in the file (EditorTests types one).
                Assert.Equal(DecapConfig.UkDateWidget, widget);
                break;
            case KeyType.Person or KeyType.People:
                Assert.Equal("relation", widget);
                Assert.Equal(DecapConfig.PeopleCollection, Text(field, "collection"));
                Assert.Equal("people.*.id", Text(field, "value_field"));
                Assert.DoesNotContain(Strings(field, "display_fields").Concat(Strings(field, "search_fields")), f => f.EndsWith(".name", StringComparison.Ordinal));
                Assert.Equal(key.Type == KeyType.People ? "true" : null, Text(field, "multiple"));
                break;
            case KeyType.Meeting:
                Assert.Equal("relation", widget);
                Assert.Equal(DecapConfig.CollectionName(ContentKinds.Meeting, study!), Text(field, "collection"));
                Assert.Equal("{{slug}}", Text(field, "value_field"));
                break;
            case KeyType.Study:
                Assert.Equal("select", widget);
                Assert.Equal(StudySlugs, Strings(field, "options"));
                break;
            case KeyType.Steps:
                Assert.Equal("list", widget);
                Assert.Equal(key.Fields.Select(k => k.Name), Fields(field).Select(f => Text(f, "name")!));
                foreach (var (step, stepField) in key.Fields.Zip(Fields(field))) AssertField(step, stepField, study);
                break;
            case KeyType.Boolean: Assert.Equal("boolean", widget); break;
            case KeyType.WholeNumber: Assert.Equal("number", widget); break;
            case KeyType.Texts or KeyType.Paths: Assert.Equal("list", widget); break;
            default: Assert.Contains(widget, new[] { "string", "text" }); break;
        }
    }

    [Fact]
    public void Every_study_has_its_meetings_and_decisions_collections_and_no_others()
    {
        var folders = Collections(Config).Select(c => Text(c, "folder")).OfType<string>().ToList();
        Assert.NotEmpty(StudySlugs);
        foreach (var kind in new[] { "meetings", "decisions" })
            Assert.Equal(StudySlugs.Select(s => $"input/studies/{s}/{kind}"), folders.Where(f => f.EndsWith("/" + kind, StringComparison.Ordinal)));
    }

    [Fact]
    public void A_new_study_gets_its_collections_at_the_next_build_and_a_draft_study_too()
    {
        using var temp = new TempSite();
        temp.Write("studies/alpha/index.md", "---\ntitle: Alpha\nsummary: A study.\nstatus: active\n---\n")
            .Write("studies/beta/index.md", "---\ntitle: Beta\nsummary: A study.\nstatus: planned\ndraft: true\n---\n");
        var built = new BuiltSite(SiteBuilder.Build(new BuildRequest(temp.Input, Repo.Theme, SampleSite.Today)));
        Assert.True(built.Result.Succeeded, built.Errors);
        var config = Parse(built.Text(EditorConfigFile.Path));
        Assert.Equal("input/studies/alpha/decisions", Text(Collection(config, DecapConfig.CollectionName(ContentKinds.Decision, "alpha")), "folder"));
        Assert.Equal("input/studies/beta/meetings", Text(Collection(config, DecapConfig.CollectionName(ContentKinds.Meeting, "beta")), "folder"));
        Assert.False(built.Has("studies/beta/index.html"));
    }

    [Fact]
    public void A_people_yml_that_is_a_plain_list_is_never_offered_for_editing_and_the_build_says_how_to_allow_it()
    {
        // Decap can only edit a mapping: given a plain list it would show no one and save over everyone.
        using var temp = new TempSite();
        temp.Write("posts/hello.md", "---\ntitle: Hello\ndate: 2026-01-01\nauthors: [ana]\n---\nHi.\n");
        var built = new BuiltSite(SiteBuilder.Build(new BuildRequest(temp.Input, Repo.Theme, SampleSite.Today)));
        Assert.True(built.Result.Succeeded, built.Errors);
        var config = Parse(built.Text(EditorConfigFile.Path));
        Assert.DoesNotContain(Collections(config), c => Text(c, "name") == DecapConfig.PeopleCollection);
        Assert.Equal("list", Text(Fields(Collection(config, "posts")).Single(f => Text(f, "name") == "authors"), "widget"));
        Assert.Contains(Collections(config), c => Text(c, "name") == DecapConfig.SiteCollection);
        var warning = Assert.Single(built.Result.Warnings, w => w.Path == "people.yml" && w.Message.Contains("browser editor"));
        Assert.Contains("add a line 'people:' above the first '- id:'", warning.Message);
    }

    [Fact]
    public void People_yml_may_keep_its_list_under_people_as_the_editor_writes_it()
    {
        using var temp = new TempSite();
        temp.Write("people.yml", "people:\n- id: ana\n  credit: role\n  role: LEAP member\n  name: Ana Testperson\n")
            .Write("posts/hello.md", "---\ntitle: Hello\ndate: 2026-01-01\nauthors: [ana]\n---\nHi.\n");
        var built = new BuiltSite(SiteBuilder.Build(new BuildRequest(temp.Input, Repo.Theme, SampleSite.Today)));
        Assert.True(built.Result.Succeeded, built.Errors);
        var post = built.Page("/blog/hello/").Body!.TextContent;
        Assert.Contains("LEAP member", post);
        Assert.DoesNotContain("Testperson", post);
        Assert.Contains(Collections(Parse(built.Text(EditorConfigFile.Path))), c => Text(c, "name") == DecapConfig.PeopleCollection);
    }

    [Fact]
    public void Every_edit_is_a_pull_request_and_the_repository_layout_suits_the_site()
    {
        var config = Config;
        Assert.Equal("editorial_workflow", Text(config, "publish_mode"));
        Assert.Equal("git-gateway", Text((YamlMappingNode)config["backend"], "name"));
        Assert.Equal("input/assets/images", Text(config, "media_folder"));
        Assert.Equal("/assets/images", Text(config, "public_folder"));
        Assert.Equal("ascii", Text((YamlMappingNode)config["slug"], "encoding"));
        Assert.Equal("{{fields.date}}-{{slug}}", Text(Collection(config, DecapConfig.CollectionName(ContentKinds.Meeting, StudySlugs.First())), "slug"));
        Assert.Equal("{{slug}}/index", Text(Collection(config, DecapConfig.StudiesCollection), "path"));
        // Generated by the build, not kept by hand beside the theme.
        Assert.False(File.Exists(Path.Combine(AdminFolder, "config.yml")));
    }

    [Fact]
    public void The_admin_page_loads_one_pinned_decap_with_its_integrity_hash_and_passes_the_builds_page_checks()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(AdminFolder, "index.html")));
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.All(scripts, s => Assert.True(s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent), "no inline script"));
        var decap = Assert.Single(scripts, s => s.GetAttribute("src")!.Contains("decap-cms"));
        Assert.Equal(EditorAssets.DecapUrl, decap.GetAttribute("src"));
        Assert.Matches(@"^https://unpkg\.com/decap-cms@\d+\.\d+\.\d+/dist/decap-cms\.js$", EditorAssets.DecapUrl);
        Assert.Equal(EditorAssets.DecapIntegrity, decap.GetAttribute("integrity"));
        Assert.StartsWith("sha384-", EditorAssets.DecapIntegrity);
        Assert.Equal("anonymous", decap.GetAttribute("crossorigin"));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        // The date field is registered after Decap has loaded, from this site (the policy allows no inline code).
        Assert.Equal("/admin/uk-date.js", scripts[^1].GetAttribute("src"));
        Assert.True(File.Exists(Path.Combine(AdminFolder, "uk-date.js")));
        Assert.False(string.IsNullOrWhiteSpace(page.Title));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Equal("nc-root", Assert.Single(page.QuerySelectorAll("main")).Id);
    }

    [Theory]
    [InlineData("invitation.html", "invite_token")]
    [InlineData("recovery.html", "recovery_token")]
    public void Identity_emails_send_people_to_the_editor(string file, string token)
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(AdminFolder, "emails", file)));
        Assert.Equal($"{{{{ .SiteURL }}}}/admin/#{token}={{{{ .Token }}}}", Assert.Single(page.QuerySelectorAll("a")).GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(page.DocumentElement.GetAttribute("lang")));
        Assert.Single(page.QuerySelectorAll("h1"));
        Assert.Single(page.QuerySelectorAll("main"));
        Assert.Empty(page.QuerySelectorAll("script"));
    }
}
