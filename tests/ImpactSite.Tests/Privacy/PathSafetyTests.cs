using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Privacy;

/// <summary>No slug, redirect, asset or link can make the build read or write outside its folders.</summary>
public sealed class PathSafetyTests
{
    [Theory]
    [InlineData("[secret](../../../../etc/passwd)")]
    [InlineData("[secret](../../../outside.md)")]
    [InlineData("![a picture](../../../../etc/hostname)")]
    [InlineData("[secret](..%2F..%2F..%2Fetc%2Fpasswd)")]
    public void Links_that_climb_out_of_the_input_folder_are_errors(string link)
    {
        using var temp = new TempSite();
        temp.Write("pages/x.md", $"---\ntitle: X\n---\n{link}\n");
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("pages/x.md", 4), (error.Path, error.Line));
        Assert.Empty(site.Files);
    }

    [Fact]
    public void Symbolic_links_are_never_followed()
    {
        using var temp = new TempSite();
        var outside = Path.Combine(temp.Root, "outside.txt");
        File.WriteAllText(outside, "not for publication");
        Directory.CreateDirectory(Path.Combine(temp.Input, "assets"));
        File.CreateSymbolicLink(Path.Combine(temp.Input, "assets", "notes.txt"), outside);
        Directory.CreateSymbolicLink(Path.Combine(temp.Input, "assets", "linked-folder"), temp.Root);
        var site = temp.Build();
        Assert.Contains(site.Result.Errors, e => e.Path == "assets/notes.txt" && e.Message.Contains("symbolic link"));
        Assert.Contains(site.Result.Errors, e => e.Path == "assets/linked-folder" && e.Message.Contains("symbolic link"));
        Assert.Empty(site.Files);
    }

    [Theory]
    [InlineData("pages/Über.md")]
    [InlineData("pages/a b.md")]
    [InlineData("posts/a.b.md")]
    [InlineData("studies/Study One/index.md")]
    public void Names_outside_the_slug_rule_are_errors_not_paths(string path)
    {
        using var temp = new TempSite();
        temp.Write(path, "---\ntitle: X\n---\n");
        var site = temp.Build();
        Assert.Contains(site.Result.Errors, e => e.Path == path && e.Message.Contains("lower-case letters, digits and hyphens"));
    }

    [Fact]
    public void Asset_names_are_published_only_below_assets()
    {
        using var temp = new TempSite();
        temp.WriteBytes("assets/files/plan.txt", "x"u8.ToArray());
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.All(site.Files.Keys, k => Assert.False(k.Contains("..") || k.StartsWith('/'), k));
        Assert.True(site.Has("assets/files/plan.txt"));
    }
}
