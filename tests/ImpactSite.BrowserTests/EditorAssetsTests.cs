using System.Security.Cryptography;
using System.Text.Json;
using ImpactSite.BrowserTests.Support;
using ImpactSite.Editor;

namespace ImpactSite.BrowserTests;

/// <summary>The editor page's pinned Decap against the npm package itself: the version package-lock.json installs,
/// and the integrity hash of that version's dist/decap-cms.js.</summary>
public sealed class EditorAssetsTests
{
    [EditorFact]
    public void The_pinned_version_and_its_integrity_hash_are_those_of_the_npm_package()
    {
        Assert.True(File.Exists(EditorSite.DecapFile), $"run 'npm ci --prefix {EditorSite.DecapFolder}' (.ci/run does)");
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(EditorSite.DecapFolder, "package-lock.json")));
        var installed = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/decap-cms").GetProperty("version").GetString();
        Assert.Equal(EditorAssets.DecapVersion, installed);
        var hash = "sha384-" + Convert.ToBase64String(SHA384.HashData(File.ReadAllBytes(EditorSite.DecapFile)));
        Assert.Equal(EditorAssets.DecapIntegrity, hash);
        var page = File.ReadAllText(Path.Combine(SiteFixture.FindRepoRoot(), "theme", "admin", "index.html"));
        Assert.Contains($"src=\"{EditorAssets.DecapUrl}\" integrity=\"{hash}\"", page);
    }
}
