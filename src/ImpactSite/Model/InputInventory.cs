using System.Text.RegularExpressions;
using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content;
using ImpactSite.Content.Studies;

namespace ImpactSite.Model;

/// <summary>The files of an input folder, sorted into the contract's places. Paths are input-relative with '/'.</summary>
public sealed partial class InputInventory
{
    public sealed class StudyFiles(string slug)
    {
        public string Slug { get; } = slug;
        public string? Index { get; set; }
        /// <summary>The files of each kind in the study's folder (meetings, decisions, ...), in input order.</summary>
        public Dictionary<EntryKind, List<string>> Files { get; } = ContentKinds.InStudies.ToDictionary(k => k, _ => new List<string>());
        public IEnumerable<string> All => Files.Values.SelectMany(f => f);
    }

    public string? SiteYml { get; private set; }
    public string? PeopleYml { get; private set; }
    public SortedDictionary<string, StudyFiles> Studies { get; } = new(StringComparer.Ordinal);
    /// <summary>The files of each kind outside studies (posts, pages, ...), in input order.</summary>
    public Dictionary<EntryKind, List<string>> Outside { get; } = ContentKinds.OutsideStudies.ToDictionary(k => k, _ => new List<string>());
    public List<string> Assets { get; } = [];
    readonly HashSet<string> held = new(StringComparer.Ordinal);

    /// <summary>Whether a file (input-relative) is one this inventory placed, so an edit to it leaves the inventory as it is.</summary>
    public bool Holds(string file) => held.Contains(file);

    /// <summary>Every file placed (input-relative paths).</summary>
    public IReadOnlySet<string> Files => held;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    public static partial Regex SlugPattern();

    public static InputInventory Scan(string root, DiagnosticBag diagnostics)
    {
        var inventory = new InputInventory();
        var files = FileTree.Files(root, (path, refusal) => diagnostics.Error(path, 1, 1, refusal), IsIgnored);
        foreach (var file in files.Order(StringComparer.Ordinal))
            if (inventory.Place(file, diagnostics)) inventory.held.Add(file);
        return inventory;
    }

    /// <summary>The contract: files (and folders) whose names start with '_' or '.' are ignored.</summary>
    static bool IsIgnored(string relative) => relative.Split('/').Any(part => part.StartsWith('_') || part.StartsWith('.'));

    /// <summary>Puts a file in its place, the one whose kind's <see cref="KindPath"/> it matches; false when it has none (reported).</summary>
    bool Place(string file, DiagnosticBag diagnostics)
    {
        var parts = file.Split('/');
        switch (parts)
        {
            case ["site.yml"]: SiteYml = file; return true;
            case ["people.yml"]: PeopleYml = file; return true;
            case ["assets", ..]:
                if (AssetPolicy.RefusedName(file) is not { } refusal) return Added(Assets, file);
                diagnostics.Error(file, 1, 1, refusal);
                return false;
        }
        if (ContentKinds.Study.Path.Match(parts) is var (study, _))
        {
            if (!CheckSlug(file, study, diagnostics, folder: true)) return false;
            StudyFor(study).Index = file;
            return true;
        }
        foreach (var kind in ContentKinds.Entries)
        {
            if (kind.Path.Match(parts) is not var (slug, inStudy)) continue;
            if (!CheckSlug(file, slug, diagnostics) || (inStudy is not null && !CheckSlug(file, inStudy, diagnostics, folder: true))) return false;
            if (kind.RefusedSlug(slug) is { } why)
            {
                diagnostics.Error(file, 1, 1, $"a {kind.Label} cannot be called '{slug}': {why}. Rename the file.");
                return false;
            }
            return Added(inStudy is null ? Outside[kind] : StudyFor(inStudy).Files[kind], file);
        }
        diagnostics.Warning(file, 1, 1, IsMarkdown(file)
            ? $"this file is not in a folder ImpactSite publishes ({string.Join(", ", ContentKinds.Entries.Select(k => k.Path.Folder))}), so it is ignored. Move it, or start its name with '_' to silence this."
            : "this file is outside assets/, so it is not published. Move it to assets/ to publish it, or start its name with '_' to silence this.");
        return false;
    }

    static bool Added(List<string> list, string file)
    {
        list.Add(file);
        return true;
    }

    StudyFiles StudyFor(string slug)
    {
        if (!Studies.TryGetValue(slug, out var study)) Studies[slug] = study = new StudyFiles(slug);
        return study;
    }

    static bool IsMarkdown(string name) => name.EndsWith(".md", StringComparison.Ordinal);
    public static string SlugOf(string name) => Path.GetFileNameWithoutExtension(name);

    static bool CheckSlug(string file, string slug, DiagnosticBag diagnostics, bool folder = false)
    {
        if (SlugPattern().IsMatch(slug)) return true;
        var suggestion = Regex.Replace(slug.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        diagnostics.Error(file, 1, 1,
            $"'{slug}' is not a valid {(folder ? "study folder name" : "file name")}: use only lower-case letters, digits and hyphens" +
            (suggestion.Length > 0 ? $", for example '{suggestion}{(folder ? "" : ".md")}'." : "."));
        return false;
    }
}
