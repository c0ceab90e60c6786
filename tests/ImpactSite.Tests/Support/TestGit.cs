using LibGit2Sharp;

namespace ImpactSite.Tests.Support;

/// <summary>Commits in a test's real git repository, at the time the test says (history-dependent behaviour needs dates).</summary>
public static class TestGit
{
    /// <summary>Stages everything under the root and commits it; returns the commit's id.</summary>
    public static string Commit(string root, string message, DateTimeOffset when)
    {
        using var repository = new Repository(root);
        Commands.Stage(repository, "*");
        var signature = new Signature("Test", "test@test.example", when);
        return repository.Commit(message, signature, signature).Sha;
    }
}
