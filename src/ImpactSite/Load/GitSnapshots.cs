using LibGit2Sharp;

namespace ImpactSite.Load;

/// <summary>
/// The input folder as it stood at an earlier commit, read from git history (LibGit2Sharp), for frozen releases. The
/// history followed is the checked-out branch's first parents: what the site was built from, day by day.
/// </summary>
public sealed class GitSnapshots : IDisposable
{
    readonly Repository repository;
    readonly string prefix;

    GitSnapshots(Repository repository, string prefix)
    {
        this.repository = repository;
        this.prefix = prefix;
    }

    /// <summary>Why a date has no snapshot; the message says what to do.</summary>
    public enum Gap { None, NoRepository, ShallowClone, BeforeFirstCommit }

    /// <summary>A commit the input can be read at.</summary>
    public sealed record Snapshot(string Sha, DateTimeOffset Committed);

    /// <summary>The repository holding the input folder, or null when there is none (or it cannot be read).</summary>
    public static GitSnapshots? Open(string inputRoot)
    {
        try
        {
            var path = Repository.Discover(Path.GetFullPath(inputRoot));
            if (path is null) return null;
            var repository = new Repository(path);
            if (repository.Head?.Tip is null)
            {
                repository.Dispose();
                return null;
            }
            var prefix = Path.GetRelativePath(repository.Info.WorkingDirectory, Path.GetFullPath(inputRoot)).Replace('\\', '/');
            return new GitSnapshots(repository, prefix == "." ? "" : prefix.TrimEnd('/') + "/");
        }
        catch (Exception e) when (e is LibGit2SharpException or DllNotFoundException or TypeInitializationException)
        {
            return null;
        }
    }

    /// <summary>The last commit on or before the end of the UTC date, or why there is none.</summary>
    public (Snapshot? Snapshot, Gap Gap) AtEndOf(DateOnly date)
    {
        var end = new DateTimeOffset(date.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
        var filter = new CommitFilter { FirstParentOnly = true, SortBy = CommitSortStrategies.Topological };
        Commit? oldest = null;
        foreach (var commit in repository.Commits.QueryBy(filter))
        {
            if (commit.Committer.When <= end) return (new Snapshot(commit.Sha, commit.Committer.When), Gap.None);
            oldest = commit;
        }
        // Every commit there is came later. In a shallow clone that may only be because the older ones were not fetched.
        return (null, repository.Info.IsShallow && oldest is not null ? Gap.ShallowClone : Gap.BeforeFirstCommit);
    }

    /// <summary>The oldest commit the history holds (for messages).</summary>
    public DateOnly FirstCommitDate() =>
        DateOnly.FromDateTime(repository.Commits.QueryBy(new CommitFilter { FirstParentOnly = true, SortBy = CommitSortStrategies.Topological })
            .Last().Committer.When.UtcDateTime);

    /// <summary>
    /// Writes the input's files under the given input-relative folders, as they were at the commit, into a folder.
    /// Only regular files: a link in the history is never followed.
    /// </summary>
    public void Extract(Snapshot snapshot, IReadOnlyCollection<string> folders, string destination)
    {
        var tree = repository.Lookup<Commit>(snapshot.Sha).Tree;
        foreach (var folder in folders)
            if (tree[prefix + folder]?.Target is Tree sub) Write(sub, Path.Combine(destination, folder));
    }

    /// <summary>One input file's text at the commit, or null when it did not exist.</summary>
    public string? ReadText(Snapshot snapshot, string inputRelativePath) =>
        repository.Lookup<Commit>(snapshot.Sha).Tree[prefix + inputRelativePath]?.Target is Blob blob ? blob.GetContentText() : null;

    static void Write(Tree tree, string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var entry in tree)
            switch (entry.TargetType)
            {
                case TreeEntryTargetType.Tree: Write((Tree)entry.Target, Path.Combine(folder, entry.Name)); break;
                case TreeEntryTargetType.Blob when entry.Mode is Mode.NonExecutableFile or Mode.ExecutableFile:
                    using (var content = ((Blob)entry.Target).GetContentStream())
                    using (var file = File.Create(Path.Combine(folder, entry.Name)))
                        content.CopyTo(file);
                    break;
            }
    }

    public void Dispose() => repository.Dispose();
}
