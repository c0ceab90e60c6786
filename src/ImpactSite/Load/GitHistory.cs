using LibGit2Sharp;

namespace ImpactSite.Load;

/// <summary>
/// What git knows about the input (LibGit2Sharp, so no git executable is needed): the commit it was built from.
/// Works without git: outside a repository, or if the repository cannot be read, there is simply no commit.
/// </summary>
public static class GitHistory
{
    public static string? SourceCommit(string inputRoot)
    {
        try
        {
            var path = Repository.Discover(Path.GetFullPath(inputRoot));
            if (path is null) return null;
            using var repository = new Repository(path);
            return repository.Head?.Tip?.Sha;
        }
        catch (Exception e) when (e is LibGit2SharpException or DllNotFoundException or TypeInitializationException)
        {
            return null;
        }
    }
}
