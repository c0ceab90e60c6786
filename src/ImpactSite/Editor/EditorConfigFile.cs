using System.Text;
using YamlDotNet.RepresentationModel;
using ImpactSite.Load;
using ImpactSite.Content.People;
using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Editor;

/// <summary>/admin/config.yml for this site: <see cref="DecapConfig"/> with the site's studies and people.yml.</summary>
public static class EditorConfigFile
{
    public const string Path = "admin/config.yml";

    public static byte[] Make(SiteGraph graph, DiagnosticBag diagnostics)
    {
        var studies = graph.Studies.Select(s => new EditorStudy(s.Slug, s.Title))
            // A draft study is left out of the site, not out of the editor: it is being filled in there.
            .Concat(graph.LeftOutDrafts.Select(DraftStudy).OfType<EditorStudy>())
            .OrderBy(s => s.Slug, StringComparer.Ordinal).ToList();
        var editable = PeopleEditable(graph.InputRoot);
        if (!editable)
            diagnostics.Warning("people.yml", 1, 1,
                $"the browser editor cannot edit people.yml while it is a plain list, so it has no People collection and people are typed as ids: add a line '{PersonKeys.ListKey}:' above the first '- id:' to edit people there and pick them from a list.");
        return Encoding.UTF8.GetBytes(DecapConfig.Generate(studies, editable));
    }

    static EditorStudy? DraftStudy(string source) =>
        source.Split('/') is ["studies", var slug, "index.md"] ? new EditorStudy(slug, slug) : null;

    /// <summary>Whether people.yml keeps its list under 'people:' (the only form Decap can edit without losing it).</summary>
    static bool PeopleEditable(string inputRoot)
    {
        if (!File.Exists(System.IO.Path.Combine(inputRoot, "people.yml"))) return false;
        // Read as the build reads it: a pipe or an oversized file is refused (and reported by the build), never opened.
        var source = SourceFile.Read(inputRoot, "people.yml", new DiagnosticBag());
        // Parsed as the build parses it, so malformed or too deeply nested YAML is refused, not thrown: the build reports it.
        return !source.Refused && YamlText.LoadDocuments("people.yml", source.Text, 0, new DiagnosticBag(), out _) is [{ RootNode: YamlMappingNode root }]
            && PeopleReader.ListOf(root) is not null;
    }
}
