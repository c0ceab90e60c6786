using ImpactSite.Validate;

namespace ImpactSite.Load;

/// <summary>
/// The files of one folder of the theme (layouts, partials, static, admin), found the way input files are
/// (<see cref="FileTree"/>): a symbolic link, pipe, device or socket is an error naming it, and is never read, so a
/// theme cannot publish a file from elsewhere on the machine (a link to /etc/passwd) or hang the build.
/// </summary>
public static class ThemeFiles
{
    /// <summary>Folder-relative paths ('/'-separated, sorted) of the regular files under the folder whose names end in
    /// the suffix; none if the folder does not exist.</summary>
    public static IReadOnlyList<string> Under(string folder, DiagnosticBag diagnostics, string suffix = "")
    {
        if (!Directory.Exists(folder)) return [];
        if (FileEntry.Of(Path.TrimEndingDirectorySeparator(folder)).Refusal is { } refused)
        {
            diagnostics.Add(new(Severity.Error, folder, 1, 1, refused, OutsideInput: true));
            return [];
        }
        return FileTree.Files(folder, (path, refusal) => diagnostics.Add(new(Severity.Error, Path.Combine(folder, path), 1, 1, refusal, OutsideInput: true)))
            .Where(path => path.EndsWith(suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }
}
