using System.Text.RegularExpressions;
using ImpactSite.Load;
using ImpactSite.Validate;

namespace ImpactSite.Model;

/// <summary>The files of an input folder, sorted into the contract's places. Paths are input-relative with '/'.</summary>
public sealed partial class InputInventory
{
    public sealed class StudyFiles(string slug)
    {
        public string Slug { get; } = slug;
        public string? Index { get; set; }
        public List<string> Meetings { get; } = [];
        public List<string> Decisions { get; } = [];
    }

    public string? SiteYml { get; private set; }
    public string? PeopleYml { get; private set; }
    public SortedDictionary<string, StudyFiles> Studies { get; } = new(StringComparer.Ordinal);
    public List<string> Posts { get; } = [];
    public List<string> Pages { get; } = [];
    public List<string> Assets { get; } = [];
    readonly HashSet<string> held = new(StringComparer.Ordinal);

    /// <summary>Whether a file (input-relative) is one this inventory placed, so an edit to it leaves the inventory as it is.</summary>
    public bool Holds(string file) => held.Contains(file);

    /// <summary>Every file placed (input-relative paths).</summary>
    public IReadOnlySet<string> Files => held;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    public static partial Regex SlugPattern();

    /// <summary>Folder names, file names and URLs the build itself publishes; a free page may not take them.</summary>
    public static readonly IReadOnlySet<string> ReservedPageSlugs =
        new HashSet<string> { "studies", "blog", "search", "assets", "theme", "admin", "feed", "sitemap", "404", "schema" };

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

    /// <summary>Puts a file in its place; false when it has none (reported).</summary>
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
            case ["posts", var name] when IsMarkdown(name):
                return CheckSlug(file, name, diagnostics) && Added(Posts, file);
            case ["pages", var name] when IsMarkdown(name):
                if (!CheckSlug(file, name, diagnostics)) return false;
                if (!ReservedPageSlugs.Contains(SlugOf(name))) return Added(Pages, file);
                diagnostics.Error(file, 1, 1, $"a page cannot be called '{SlugOf(name)}': the site already uses /{SlugOf(name)}/. Rename the file.");
                return false;
            case ["studies", var study, "index.md"]:
                if (!CheckSlug(file, study, diagnostics, folder: true)) return false;
                StudyFor(study).Index = file;
                return true;
            case ["studies", var study, "meetings", var name] when IsMarkdown(name):
                return CheckSlug(file, name, diagnostics) && CheckSlug(file, study, diagnostics, folder: true) && Added(StudyFor(study).Meetings, file);
            case ["studies", var study, "decisions", var name] when IsMarkdown(name):
                return CheckSlug(file, name, diagnostics) && CheckSlug(file, study, diagnostics, folder: true) && Added(StudyFor(study).Decisions, file);
        }
        diagnostics.Warning(file, 1, 1, IsMarkdown(file)
            ? "this file is not in a folder ImpactSite publishes (studies/<study>/meetings, studies/<study>/decisions, posts, pages), so it is ignored. Move it, or start its name with '_' to silence this."
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

    static bool CheckSlug(string file, string name, DiagnosticBag diagnostics, bool folder = false)
    {
        var slug = folder ? name : SlugOf(name);
        if (SlugPattern().IsMatch(slug)) return true;
        var suggestion = Regex.Replace(slug.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
        diagnostics.Error(file, 1, 1,
            $"'{slug}' is not a valid {(folder ? "study folder name" : "file name")}: use only lower-case letters, digits and hyphens" +
            (suggestion.Length > 0 ? $", for example '{suggestion}{(folder ? "" : ".md")}'." : "."));
        return false;
    }
}
