using AngleSharp.Html.Parser;
using ImpactSite.Model;
using ImpactSite.Tests.Support;
using YamlDotNet.RepresentationModel;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;

namespace ImpactSite.Tests.Workflow;

/// <summary>
/// The browser editor's configuration (theme/admin/config.yml) against the code, so the two cannot drift: every
/// collection edits exactly the keys ContentKeys allows for its kind, with the code's allowed values and the
/// contract's required keys, and every study has its meetings and decisions collections.
/// </summary>
public sealed class DecapConfigTests
{
    static readonly string AdminFolder = Path.Combine(Repo.Root, "theme", "admin");

    /// <summary>The contract's required keys (shared/content-contract.md), per kind.</summary>
    static readonly Dictionary<string, string[]> RequiredKeys = new()
    {
        ["study"] = ["title", "summary", "status"],
        ["meeting"] = ["title", "date"],
        ["decision"] = ["title", "raised", "you_said", "status"],
        ["post"] = ["title", "date", "authors"],
        ["page"] = ["title"],
    };

    static readonly HashSet<string> DateKeys = ["raised", "responded", "date", "started", "ended", "updated"];

    static readonly YamlMappingNode Config = Load();

    static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(AdminFolder, "config.yml"));
        stream.Load(reader); // resolves the file's anchors and aliases, as Decap does
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    static IEnumerable<YamlMappingNode> Collections => ((YamlSequenceNode)Config["collections"]).Children.Cast<YamlMappingNode>();

    public static TheoryData<string> CollectionNames => [.. Collections.Select(c => Text(c, "name")!)];

    static YamlMappingNode Collection(string name) => Collections.Single(c => Text(c, "name") == name);

    /// <summary>Which kind of file a collection edits, from where it keeps them.</summary>
    static string KindOf(YamlMappingNode collection)
    {
        var folder = Text(collection, "folder")!;
        var parts = folder.Split('/');
        return parts switch
        {
            ["input", "studies"] when Text(collection, "path") == "{{slug}}/index" => "study",
            ["input", "studies", _, "meetings"] => "meeting",
            ["input", "studies", _, "decisions"] => "decision",
            ["input", "posts"] => "post",
            ["input", "pages"] => "page",
            _ => throw new Xunit.Sdk.XunitException($"collection '{Text(collection, "name")}' has a folder the contract does not know: {folder}"),
        };
    }

    static IReadOnlySet<string> AllowedKeys(string kind) => kind switch
    {
        "study" => ContentKeys.Study,
        "meeting" => ContentKeys.Meeting,
        "decision" => ContentKeys.Decision,
        "post" => ContentKeys.Post,
        _ => ContentKeys.Page,
    };

    static List<YamlMappingNode> Fields(YamlMappingNode node) =>
        ((YamlSequenceNode)node["fields"]).Children.Cast<YamlMappingNode>().ToList();

    static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>Decap's default: a field is required unless it says 'required: false'.</summary>
    static bool IsRequired(YamlMappingNode field) => Text(field, "required") != "false";

    static List<string> OptionValues(YamlMappingNode field) =>
        ((YamlSequenceNode)field["options"]).Children
            .Select(o => o is YamlMappingNode map ? Text(map, "value")! : ((YamlScalarNode)o).Value!).ToList();

    [Theory]
    [MemberData(nameof(CollectionNames))]
    public void Each_collection_edits_exactly_the_keys_the_contract_allows(string name)
    {
        var collection = Collection(name);
        var kind = KindOf(collection);
        var names = Fields(collection).Select(f => Text(f, "name")!).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains("body", names);
        Assert.Equal(AllowedKeys(kind).Order(StringComparer.Ordinal), names.Where(n => n != "body").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CollectionNames))]
    public void Required_fields_are_the_contracts_required_keys(string name)
    {
        var collection = Collection(name);
        var required = Fields(collection).Where(IsRequired).Select(f => Text(f, "name")!).Order(StringComparer.Ordinal);
        Assert.Equal(RequiredKeys[KindOf(collection)].Order(StringComparer.Ordinal), required);
    }

    [Theory]
    [MemberData(nameof(CollectionNames))]
    public void Choices_offer_exactly_the_values_the_code_accepts(string name)
    {
        var collection = Collection(name);
        var kind = KindOf(collection);
        var selects = Fields(collection).Where(f => Text(f, "widget") == "select").ToList();
        foreach (var field in selects)
        {
            var key = Text(field, "name");
            string[] expected = (kind, key) switch
            {
                ("decision", "status") => DecisionStatus.All,
                ("study", "status") => ContentKeys.StudyStatuses,
                ("meeting", "format") => ContentKeys.MeetingFormats,
                (_, "standards") => [.. Standards.All.Select(s => s.Id)],
                ("meeting" or "decision", "stage") => ResearchStages.Ids,
                _ => throw new Xunit.Sdk.XunitException($"{name}.{key} is a select the code has no list of values for"),
            };
            Assert.Equal(expected, OptionValues(field));
            Assert.Equal(key == "standards" ? "true" : null, Text(field, "multiple"));
        }
        var expectedSelects = kind switch
        {
            "decision" => new[] { "stage", "standards", "status" },
            "study" => ["status"],
            "meeting" => ["format", "stage", "standards"],
            "post" => ["standards"],
            _ => [],
        };
        Assert.Equal(expectedSelects, selects.Select(f => Text(f, "name")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Study_releases_have_the_contracts_release_keys_with_date_and_title_required()
    {
        var releases = Fields(Collections.Single(c => KindOf(c) == "study")).Single(f => Text(f, "name") == "releases");
        Assert.Equal("list", Text(releases, "widget"));
        Assert.False(IsRequired(releases));
        var keys = Fields(releases);
        Assert.Equal(ContentKeys.StudyRelease.Order(StringComparer.Ordinal), keys.Select(f => Text(f, "name")!).Order(StringComparer.Ordinal));
        Assert.Equal(["date", "title"], keys.Where(IsRequired).Select(f => Text(f, "name")!).Order(StringComparer.Ordinal));
        AssertIsoDate(keys.Single(f => Text(f, "name") == "date"));
    }

    [Fact]
    public void Decision_updates_have_the_contracts_step_keys_all_required()
    {
        foreach (var collection in Collections.Where(c => KindOf(c) == "decision"))
        {
            var updates = Fields(collection).Single(f => Text(f, "name") == "updates");
            Assert.Equal("list", Text(updates, "widget"));
            Assert.False(IsRequired(updates));
            var steps = Fields(updates);
            Assert.Equal(ContentKeys.DecisionUpdate.Order(StringComparer.Ordinal), steps.Select(f => Text(f, "name")!).Order(StringComparer.Ordinal));
            Assert.All(steps, step => Assert.True(IsRequired(step), Text(step, "name")));
            Assert.Equal(DecisionStatus.All, OptionValues(steps.Single(f => Text(f, "name") == "status")));
            AssertIsoDate(steps.Single(f => Text(f, "name") == "date"));
        }
    }

    [Theory]
    [MemberData(nameof(CollectionNames))]
    public void Dates_are_stored_as_yyyy_mm_dd(string name)
    {
        foreach (var field in Fields(Collection(name)).Where(f => DateKeys.Contains(Text(f, "name")!)))
            AssertIsoDate(field);
    }

    static void AssertIsoDate(YamlMappingNode field)
    {
        Assert.Equal("datetime", Text(field, "widget"));
        Assert.Equal("YYYY-MM-DD", Text(field, "format"));
        Assert.Equal("false", Text(field, "time_format"));
    }

    [Fact]
    public void Every_study_has_its_meetings_and_decisions_collections_and_no_others()
    {
        var studies = Directory.EnumerateDirectories(Path.Combine(Repo.Input, "studies"))
            .Where(d => File.Exists(Path.Combine(d, "index.md"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(studies);
        foreach (var kind in new[] { "meetings", "decisions" })
        {
            var configured = Collections.Select(c => Text(c, "folder")!).Where(f => f.StartsWith("input/studies/", StringComparison.Ordinal) && f.EndsWith("/" + kind, StringComparison.Ordinal))
                .Select(f => f.Split('/')[2]).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(studies, configured);
        }
    }

    [Fact]
    public void Backend_media_and_file_names_suit_the_site()
    {
        Assert.Equal("git-gateway", Text((YamlMappingNode)Config["backend"], "name"));
        Assert.Equal("input/assets/images", Text(Config, "media_folder"));
        Assert.Equal("/assets/images", Text(Config, "public_folder"));
        Assert.Equal("ascii", Text((YamlMappingNode)Config["slug"], "encoding"));
        foreach (var collection in Collections)
        {
            Assert.Equal("yaml-frontmatter", Text(collection, "format"));
            Assert.Equal("md", Text(collection, "extension"));
            Assert.Equal("title", Text(Fields(collection)[0], "name"));
            // Published addresses are cited by funders: the editor never deletes a file.
            Assert.Equal("false", Text(collection, "delete"));
            if (Text(collection, "path") is not null)
            {
                Assert.Equal("/input/assets/images", Text(collection, "media_folder"));
                Assert.Equal("/assets/images", Text(collection, "public_folder"));
            }
        }
        Assert.All(Collections.Where(c => KindOf(c) == "meeting"), c => Assert.Equal("{{fields.date}}-{{slug}}", Text(c, "slug")));
    }

    [Fact]
    public void The_admin_page_loads_decap_from_script_files_only_and_passes_the_builds_page_checks()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(AdminFolder, "index.html")));
        var scripts = page.QuerySelectorAll("script").ToList();
        Assert.All(scripts, s => Assert.True(s.HasAttribute("src") && string.IsNullOrWhiteSpace(s.TextContent), "no inline script"));
        Assert.Contains("https://unpkg.com/decap-cms@^3.0.0/dist/decap-cms.js", scripts.Select(s => s.GetAttribute("src")));
        Assert.Empty(page.QuerySelectorAll("style, [style]"));
        Assert.DoesNotContain(page.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.Ordinal));
        // Once published at /admin/, the page goes through the same checks as every built page.
        Assert.False(string.IsNullOrWhiteSpace(page.DocumentElement.GetAttribute("lang")));
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
