using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ImpactSite.Build;
using ImpactSite.Cli;

namespace ImpactSite.KindTests;

/// <summary>
/// A content kind ImpactSite does not have, defined as docs/architecture.md's worked example says: its folder
/// (Resources/: definition, entry, reading, view) and its layout, nothing else. Built on a copy of the sample site, its
/// file is read with the contract's checks, published with breadcrumbs, found by search, listed in the sitemap and
/// offered in the browser editor; without its layout the build says which file to add.
/// </summary>
public sealed class NewKindTests : IDisposable
{
    static readonly DateOnly BuildDate = new(2026, 11, 23);
    const string File = "studies/bridge/resources/easy-read-leaflet.md";
    readonly string root = Directory.CreateTempSubdirectory("impactsite-kind-").FullName;
    string Input => Path.Combine(root, "input");
    string Theme => Path.Combine(root, "theme");

    public NewKindTests()
    {
        var repo = AppContext.BaseDirectory;
        while (!System.IO.File.Exists(Path.Combine(repo, "ImpactSite.sln"))) repo = Path.GetDirectoryName(repo)!;
        Copy(Path.Combine(repo, "input"), Input);
        Copy(Path.Combine(repo, "theme"), Theme);
        System.IO.File.Copy(Path.Combine(AppContext.BaseDirectory, "Resources", "resource.liquid"), Path.Combine(Theme, "layouts", "resource.liquid"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void A_kind_defined_in_one_folder_is_read_published_searched_mapped_and_offered_in_the_editor()
    {
        Write(File, "title: Easy-read leaflet\nformat: leaflet\nmade: 2026-10-01", "Made with the panel in three sessions.");
        var built = Build();
        Assert.True(built.Succeeded, string.Join("\n", built.Errors.Select(e => e.Format(Input))));

        var page = new HtmlParser().ParseDocument(Text(built, "studies/bridge/resources/easy-read-leaflet/index.html"));
        Assert.Equal("Easy-read leaflet", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("A leaflet made with the panel.", page.QuerySelector(".resource-format")!.TextContent.Trim());
        Assert.Contains("Made with the panel in three sessions.", page.QuerySelector("main")!.TextContent);
        var crumbs = page.QuerySelectorAll(".breadcrumbs__link").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Home", "Studies", "BRIDGE: peer support in the weeks after a mental health crisis"], crumbs[..3]);
        Assert.Equal("A leaflet made with the panel of BRIDGE: peer support in the weeks after a mental health crisis.",
            page.QuerySelector("meta[name=description]")!.GetAttribute("content"));

        using var search = JsonDocument.Parse(Text(built, "search/index.json"));
        var item = Assert.Single(search.RootElement.EnumerateArray(), i => i.GetProperty("title").GetString() == "Easy-read leaflet");
        Assert.Equal("Resource", item.GetProperty("kind").GetString());
        Assert.Equal("BRIDGE: peer support in the weeks after a mental health crisis", item.GetProperty("study").GetString());
        Assert.Contains("/studies/bridge/resources/easy-read-leaflet/", Text(built, "sitemap.xml"));
        var editor = Text(built, "admin/config.yml");
        Assert.Contains("name: resources-bridge", editor);
        Assert.Contains("folder: input/studies/bridge/resources", editor);
        Assert.Contains("label: BRIDGE resource", editor.Replace("label_singular", "label"));
        // The sample's own kinds are untouched by the new one.
        Assert.Contains("studies/bridge/decisions/plain-english-letters/index.html", built.Files.Select(f => f.Path));
    }

    [Fact]
    public void Its_keys_are_checked_where_they_were_typed_and_nothing_is_published()
    {
        Write(File, "title: Easy-read leaflet\nfromat: leaflet", "Text.");
        var misspelt = Build();
        var error = Assert.Single(misspelt.Errors);
        Assert.Equal((File, 3, 1), (error.Path, error.Line, error.Column));
        Assert.Contains("did you mean 'format'?", error.Message);
        Assert.Empty(misspelt.Files);

        Write(File, "title: Easy-read leaflet\nmade: 2026-10-01", "Text.");
        var missing = Build();
        Assert.Contains(missing.Errors, e => e.Path == File && e.Message.Contains("'format'"));
        Assert.Empty(missing.Files);
        // The same file written correctly builds.
        Write(File, "title: Easy-read leaflet\nformat: leaflet", "Text.");
        Assert.True(Build().Succeeded);
    }

    [Fact]
    public void Without_its_layout_every_build_says_which_theme_file_to_add()
    {
        System.IO.File.Delete(Path.Combine(Theme, "layouts", "resource.liquid"));
        var built = Build();
        var error = Assert.Single(built.Errors);
        Assert.Equal(("theme/layouts/resource.liquid", 1, 1), (error.Path.Replace(Theme + "/", "theme/"), error.Line, error.Column));
        Assert.Contains("the theme has no layout for 'resource' pages", error.Message);
        Assert.Empty(built.Files);
    }

    [Fact]
    public void Impactsite_new_starts_a_file_of_the_kind_from_its_definition_that_check_holds_until_filled_in()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = NewCommand.Run(new NewCommand.Request("resource", "Easy-read leaflet", Input) { Study = "bridge", Date = "2026-10-01" }, stdout, stderr);
        Assert.True(code == ExitCodes.Success, stderr.ToString());
        var text = System.IO.File.ReadAllText(Path.Combine(Input, File));
        Assert.Contains("title: \"Easy-read leaflet\"", text);
        Assert.Contains("# leaflet, video or web page Required. One of: leaflet, video, web-page.", text);
        Assert.Contains("\nformat: leaflet\n", text);
        Assert.Contains("# made: 2026-10-01", text);
        // As written, only the placeholder text stops it, on its line; with the co-ordinator's own words it builds.
        var placeholder = Assert.Single(Build().Errors);
        Assert.Equal((File, Array.IndexOf(text.Split('\n'), "Write the resource here, in markdown.") + 1), (placeholder.Path, placeholder.Line));
        Assert.Contains("placeholder text 'impactsite new' wrote", placeholder.Message);
        System.IO.File.WriteAllText(Path.Combine(Input, File), text.Replace("Write the resource here, in markdown.", "Made with the panel."));
        var built = Build();
        Assert.True(built.Succeeded, string.Join("\n", built.Errors.Select(e => e.Format(Input))));
        Assert.Contains("studies/bridge/resources/easy-read-leaflet/index.html", built.Files.Select(f => f.Path));
    }

    BuildResult Build() => SiteBuilder.Build(new BuildRequest(Input, Theme, BuildDate));

    void Write(string relative, string frontMatter, string body)
    {
        var path = Path.Combine(Input, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, $"---\n{frontMatter}\n---\n{body}\n");
    }

    static string Text(BuildResult built, string path) => Encoding.UTF8.GetString(Assert.Single(built.Files, f => f.Path == path).Content);

    static void Copy(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            System.IO.File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
