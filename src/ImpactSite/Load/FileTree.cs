namespace ImpactSite.Load;

/// <summary>
/// The regular files under a folder, for the input and the theme alike. Symbolic links, pipes, devices and sockets are
/// reported (path relative to the folder, and why) and never followed or opened, so nothing from outside the folder
/// is published and no read can block.
/// </summary>
public static class FileTree
{
    /// <param name="skip">Relative paths (files or folders) to leave out without a word.</param>
    public static IEnumerable<string> Files(string root, Action<string, string> refused, Func<string, bool>? skip = null) =>
        Walk(root, "", refused, skip ?? (_ => false));

    static IEnumerable<string> Walk(string folder, string prefix, Action<string, string> refused, Func<string, bool> skip)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(folder).Order(StringComparer.Ordinal))
        {
            var relative = prefix + Path.GetFileName(path);
            if (skip(relative)) continue;
            var entry = FileEntry.Of(path);
            if (entry.Refusal is { } refusal) refused(relative, refusal);
            else if (entry.Type == EntryType.Folder)
                foreach (var file in Walk(path, relative + "/", refused, skip)) yield return file;
            else if (entry.Type == EntryType.RegularFile) yield return relative;
        }
    }
}
