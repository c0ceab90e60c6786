using ImpactSite.Build;
using ImpactSite.Model;
using ImpactSite.Render;
using ImpactSite.Tests.Support;
using ImpactSite.Validate;
using ImpactSite.Write;

namespace ImpactSite.Tests.Preview;

/// <summary>
/// The preview reads again only what an edit touched (<see cref="ContentCache"/>). Whatever the edit, what it then
/// serves and reports must be exactly what a full build of the same files makes: every file byte for byte, and every
/// problem. Each test edits a copy of the sample site step by step and compares after every step.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    static readonly DateOnly Today = SampleSite.Today;
    readonly string input = CopyOfSample();
    readonly ContentCache cache = new();

    public IncrementalBuildTests() => AssertSameAsFullBuild(); // the first build reads everything

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(input)!, recursive: true);

    [Fact]
    public void Editing_a_decision_body_status_and_response_gives_the_full_build()
    {
        const string decision = "studies/bridge/decisions/text-reminders.md";
        Edit(decision, text => text + "\nA new paragraph about @heron and the reminders.\n");
        Edit(decision, text => ReplaceKey(text, "status", "not-adopted") + "\n");
        Edit(decision, text => AddKey(text, "reason: It cost too much to send them."));

        // Saved as some editors do, through a temporary file renamed over the real one (which also mends the duplicate key).
        var temporary = "studies/bridge/decisions/text-reminders.md___jb_tmp___";
        File.WriteAllText(Path.Combine(input, temporary), File.ReadAllText(Path.Combine(input, decision)).Replace("reason: It cost too much to send them.\n", "", StringComparison.Ordinal));
        File.Move(Path.Combine(input, temporary), Path.Combine(input, decision), overwrite: true);
        cache.Changed([temporary]);
        Changed(decision);
    }

    [Fact]
    public void Renaming_a_study_reads_its_posts_again()
    {
        Edit("studies/bridge/index.md", text => ReplaceKey(text, "title", "BRIDGE, renamed"));
        var post = FullBuild().Files.Single(f => f.Path == "blog/rewriting-the-bridge-letters/index.html").Content;
        Assert.Contains("BRIDGE, renamed", System.Text.Encoding.UTF8.GetString(post));
    }

    [Fact]
    public void Moving_a_post_to_another_study_and_back()
    {
        const string post = "posts/rewriting-the-bridge-letters.md";
        Edit(post, text => ReplaceKey(text, "study", "calm-waters"));
        Edit(post, text => ReplaceKey(text, "study", "no-such-study"));
        Edit(post, text => ReplaceKey(text, "study", "bridge"));
    }

    [Fact]
    public void A_decision_that_becomes_a_draft_and_comes_back()
    {
        const string decision = "studies/bridge/decisions/easy-read-results.md";
        Edit(decision, text => AddKey(text, "draft: true"));
        Edit(decision, text => text.Replace("draft: true\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Breaking_a_file_reports_what_a_full_build_reports_and_fixing_it_clears_it()
    {
        const string meeting = "studies/bridge/meetings/2025-06-18-carers-circle.md";
        var original = File.ReadAllText(Path.Combine(input, meeting));
        Edit(meeting, text => ReplaceKey(text, "date", "not-a-date"));
        Edit(meeting, text => text + "\nThanks to @nobody-here.\n");
        Edit(meeting, _ => original);
    }

    [Fact]
    public void Changing_site_yml_or_people_yml_reads_every_entry_again()
    {
        Edit("site.yml", text => ReplaceKey(text, "title", "A renamed involvement site"));
        Edit("people.yml", text => text.Replace("credit: name", "credit: role", StringComparison.Ordinal));
    }

    [Fact]
    public void Adding_and_deleting_files_looks_at_the_whole_input_again()
    {
        const string added = "studies/bridge/decisions/a-new-suggestion.md";
        Write(added, "---\ntitle: A new suggestion\nraised: 2026-11-01\nyou_said: Please add a map.\nstatus: open\n---\n");
        Edit("studies/calm-waters/index.md", text => text + "\nSee [the new suggestion](../bridge/decisions/a-new-suggestion.md).\n");
        File.Delete(Path.Combine(input, added));
        Changed(added);
    }

    void Edit(string path, Func<string, string> change) => Write(path, change(File.ReadAllText(Path.Combine(input, path))));

    void Write(string path, string text)
    {
        File.WriteAllText(Path.Combine(input, path), text);
        Changed(path);
    }

    /// <summary>Tells the cache, as the preview's watcher does, then compares the next build with a full one.</summary>
    void Changed(string path)
    {
        cache.Changed([path]);
        AssertSameAsFullBuild();
    }

    void AssertSameAsFullBuild()
    {
        var expected = FullBuild();
        // Exactly what the preview runs after an edit: prepare with the cache, then make and check everything.
        var prepared = SiteBuilder.PrepareForPreview(new BuildRequest(input, Repo.Theme, Today, Cache: cache));
        var made = new MemoryOutput();
        SiteBuilder.MakeAndCheck(prepared, made);
        var (full, preview) = (Lines(expected.Diagnostics), Lines(prepared.Diagnostics.Sorted()));
        Assert.True(full == preview, $"the full build reports:\n{full}\n\nthe preview:\n{preview}");
        if (expected.Files.Count == 0)
        {
            // The full build published nothing because of errors; the preview must then refuse to serve it too.
            Assert.True(expected.Errors.Any() && prepared.Diagnostics.HasErrors, "the full build published nothing, yet reported no error");
            return;
        }
        Assert.Equal(expected.Files.Select(f => f.Path).Order(StringComparer.Ordinal), made.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        var byPath = made.Files.ToDictionary(f => f.Path);
        foreach (var file in expected.Files)
            Assert.True(file.Content.AsSpan().SequenceEqual(byPath[file.Path].Content), Difference(file, byPath[file.Path]));
    }

    static string Difference(OutputFile expected, OutputFile actual)
    {
        var at = expected.Content.AsSpan().CommonPrefixLength(actual.Content);
        string Around(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes.AsSpan(Math.Max(0, at - 80), Math.Min(200, bytes.Length - Math.Max(0, at - 80))));
        return $"{expected.Path} differs from the full build's at byte {at}:\nfull build: {Around(expected.Content)}\nthe preview: {Around(actual.Content)}";
    }

    BuildResult FullBuild() => SiteBuilder.Build(new BuildRequest(input, Repo.Theme, Today));

    static string Lines(IEnumerable<Diagnostic> diagnostics) => string.Join("\n", diagnostics.Select(d => d.Format("")));

    static string ReplaceKey(string text, string key, string value) =>
        System.Text.RegularExpressions.Regex.Replace(text, $"(?m)^{key}: .*$", $"{key}: {value}");

    static string AddKey(string text, string line) => "---\n" + line + "\n" + text["---\n".Length..];

    static string CopyOfSample()
    {
        var root = Directory.CreateTempSubdirectory("impactsite-incremental-").FullName;
        var input = Path.Combine(root, "input");
        Folder.Copy(Repo.Input, input);
        return input;
    }
}
