using LibGit2Sharp;

namespace ImpactSite.Load;

/// <summary>
/// What git knows about the input (LibGit2Sharp, so no git executable is needed): the commit it was built from and,
/// for each file, the date of the last commit that changed it. Works without git: outside a repository, or if the
/// repository cannot be read, there is simply no history.
/// </summary>
public sealed class GitHistory
{
    public static readonly GitHistory None = new(null, null, "", new Dictionary<string, DateOnly>());

    readonly IReadOnlyDictionary<string, DateOnly> lastChanged;
    readonly string prefix;

    GitHistory(string? commit, string? branch, string prefix, IReadOnlyDictionary<string, DateOnly> lastChanged)
    {
        SourceCommit = commit;
        Branch = branch;
        this.prefix = prefix;
        this.lastChanged = lastChanged;
    }

    public string? SourceCommit { get; }
    /// <summary>The checked-out branch, for "history of this page" links; null when detached or without git.</summary>
    public string? Branch { get; }

    /// <summary>An input-relative path as a path in the repository (the input folder may be below its root).</summary>
    public string InRepository(string inputRelativePath) => prefix + inputRelativePath;

    /// <summary>The UTC date of the last commit that changed an input-relative path, if git knows it.</summary>
    public DateOnly? LastChanged(string inputRelativePath) =>
        lastChanged.TryGetValue(inputRelativePath, out var date) ? date : null;

    /// <summary>Reads HEAD and walks history once, newest first, until every wanted file has a date.</summary>
    public static GitHistory Read(string inputRoot, IReadOnlyCollection<string> wanted)
    {
        try
        {
            var path = WorkingTreeOf(Path.GetFullPath(inputRoot));
            if (path is null) return None;
            using var repository = new Repository(path);
            if (repository.Head?.Tip is not { } head) return None;
            var prefix = Path.GetRelativePath(repository.Info.WorkingDirectory, Path.GetFullPath(inputRoot)).Replace('\\', '/');
            prefix = prefix == "." ? "" : prefix.TrimEnd('/') + "/";
            var branch = repository.Info.IsHeadDetached ? null : repository.Head.FriendlyName;
            return new GitHistory(head.Sha, branch, prefix, LastChanges(repository, prefix, wanted));
        }
        catch (Exception e) when (e is LibGit2SharpException or DllNotFoundException or TypeInitializationException)
        {
            return None;
        }
    }

    /// <summary>
    /// The nearest folder at or above this one that holds <c>.git</c> (a folder, or a file in a linked worktree).
    /// Not <c>Repository.Discover</c>: in the native (AOT) executable it returns null for every folder (LibGit2Sharp 0.32),
    /// while opening a repository by its path works.
    /// </summary>
    internal static string? WorkingTreeOf(string folder)
    {
        for (var at = new DirectoryInfo(folder); at is not null; at = at.Parent)
            if (Path.Exists(Path.Combine(at.FullName, ".git"))) return at.FullName;
        return null;
    }

    static Dictionary<string, DateOnly> LastChanges(Repository repository, string prefix, IReadOnlyCollection<string> wanted)
    {
        // A file not in HEAD (new, not yet committed: the usual case while editing in preview) has no history to
        // find; leaving it out keeps the walk from reading the whole history on every build.
        // An input folder that is not in HEAD at all (say, generated and gitignored) needs no lookup per file.
        var head = repository.Head.Tip.Tree;
        var found = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (prefix != "" && head[prefix.TrimEnd('/')] is null) return found;
        var remaining = new HashSet<string>(wanted.Select(w => prefix + w).Where(path => head[path] is not null), StringComparer.Ordinal);
        var filter = new CommitFilter { SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Time };
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            if (remaining.Count == 0) break;
            var parent = commit.Parents.FirstOrDefault();
            // Only the paths still wanted: a whole-tree diff per commit made every build of a site whose pages were
            // last changed long ago pay for diffing the entire repository at every commit in its history.
            var changes = repository.Diff.Compare<TreeChanges>(parent?.Tree, commit.Tree, [.. remaining]);
            var date = DateOnly.FromDateTime(commit.Committer.When.UtcDateTime);
            foreach (var change in changes)
                if (remaining.Remove(change.Path)) found[change.Path[prefix.Length..]] = date;
        }
        return found;
    }
}
