using System.Text;
using ImpactSite.Cli;
using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Privacy;

/// <summary>A file the guard cannot read is not published unless site.yml lists it under unchecked_files with a reason,
/// and 'check' lists every such file.</summary>
public sealed class UncheckedFileTests
{
    const string Site = "title: Test\nbase_url: https://impact.test.example/\n";
    static readonly byte[] Recording = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0, 0xFF, 0xFB, 0x90, 0x64, 0, 0, 0, 0];

    [Fact]
    public void An_unreadable_asset_is_refused_naming_it_and_saying_what_to_do()
    {
        using var temp = new TempSite();
        temp.WriteBytes("assets/files/session.mp3", Recording);
        var site = temp.Build();
        var error = Assert.Single(site.Result.Errors);
        Assert.Equal(("assets/files/session.mp3", 1, 1), (error.Path, error.Line, error.Column));
        Assert.Contains("cannot be published", error.Message);
        Assert.Contains("unchecked_files", error.Message);
        Assert.Empty(site.Files);
    }

    [Fact]
    public void An_unreadable_asset_listed_with_a_reason_is_published_and_check_lists_it()
    {
        using var temp = new TempSite();
        temp.Write("site.yml", Site + "unchecked_files:\n  - path: assets/files/session.mp3\n    reason: listened to in full, no names\n");
        temp.WriteBytes("assets/files/session.mp3", Recording);
        var site = temp.Build();
        Assert.True(site.Result.Succeeded, site.Errors);
        Assert.Equal(Recording, site.Files["assets/files/session.mp3"].Content);

        var stderr = new StringWriter();
        var exit = CheckCommand.Run(new CommonOptions.Values(temp.Input, Repo.Theme, ""), new StringWriter(), stderr);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("site.yml:4:11: warning: 'assets/files/session.mp3' is published without being checked for names", stderr.ToString());
    }

    [Fact]
    public void Listing_a_file_does_not_let_a_readable_file_through_with_a_name_in_it()
    {
        using var temp = new TempSite();
        temp.Write("site.yml", Site + "unchecked_files:\n  - path: assets/files/notes.txt\n    reason: checked\n");
        temp.Write("assets/files/notes.txt", "Notes by Zebedee Withheldname.");
        var site = temp.Build();
        Assert.Contains(site.Result.Errors, e => e.Path == "assets/files/notes.txt" && e.Message.Contains("'kite'"));
    }

    [Theory]
    [InlineData("unchecked_files:\n  - path: assets/files/missing.mp3\n    reason: gone\n", 4, "there is no such file")]
    [InlineData("unchecked_files:\n  - path: assets/files/session.mp3\n", 4, "'reason'")]
    [InlineData("unchecked_files:\n  - reason: no path\n", 4, "'path'")]
    [InlineData("unchecked_files:\n  - path: assets/files/session.mp3\n    reason: a\n  - path: assets/files/session.mp3\n    reason: b\n", 6, "listed twice")]
    [InlineData("unchecked_files: assets/files/session.mp3\n", 3, "list of items")]
    public void Unchecked_files_are_validated_with_located_errors(string entries, int line, string expected)
    {
        using var temp = new TempSite();
        temp.Write("site.yml", Site + entries);
        temp.WriteBytes("assets/files/session.mp3", Recording);
        var site = temp.Build();
        Assert.Contains(site.Result.Errors, e => e.Path == "site.yml" && e.Line == line && e.Message.Contains(expected));
    }
}
