using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using ImpactSite.Scaffold;
using ImpactSite.Tests.Support;
using ImpactSite.Content;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Workflow;

/// <summary>'impactsite new', run as a co-ordinator runs it: the real CLI, in a small site, on a fixed build date.</summary>
public sealed partial class NewCommandTests
{
    static readonly Dictionary<string, string> Epoch = new() { ["SOURCE_DATE_EPOCH"] = "1795392000" }; // 2026-11-23
    static readonly DateOnly Today = new(2026, 11, 23);


    /// <summary>The arguments for each kind, and where the contract puts the file.</summary>
    public static TheoryData<string, string[], string> Kinds => new()
    {
        { "study", ["--title", "Steady Steps: confidence after a fall"], "input/studies/steady-steps-confidence-after-a-fall/index.md" },
        { "meeting", ["--title", "LEAP North", "--study", "alpha", "--date", "2025-03-12"], "input/studies/alpha/meetings/2025-03-12-leap-north.md" },
        { "decision", ["--title", "Letters in plain English", "--study", "alpha"], "input/studies/alpha/decisions/letters-in-plain-english.md" },
        { "post", ["--title", "Rewriting the letters: what we learned", "--author", "kite", "--author", "ana"], "input/posts/rewriting-the-letters-what-we-learned.md" },
        { "page", ["--title", "Get involved!"], "input/pages/get-involved.md" },
    };

    static CliRunner.Run New(TempSite site, string kind, params string[] args) =>
        CliRunner.Invoke(site.Root, Epoch, ["new", kind, .. args]);

    [Fact]
    public void A_file_of_every_kind_stops_the_build_at_each_placeholder_and_builds_once_they_are_replaced()
    {
        using var site = new TempSite().Study("alpha");
        var written = new List<string>();
        foreach (var (kind, args, path) in Kinds.Select(row => ((string)row[0], (string[])row[1], (string)row[2])))
        {
            var run = New(site, kind, args);
            Assert.True(run.ExitCode == 0, $"new {kind} exited {run.ExitCode}: {run.Stderr}");
            Assert.Equal(path, run.Stdout.Split('\n')[0].Trim());
            Assert.True(File.Exists(Path.Combine(site.Root, path)), path);
            written.Add(Path.Combine(site.Root, path));
        }
        var fresh = site.Build(Today);
        var placeholders = fresh.Result.Errors.Where(e => e.Message.Contains("is the placeholder text 'impactsite new' wrote")).ToList();
        Assert.Equal(fresh.Result.Errors.Count(), placeholders.Count);
        foreach (var file in written)
        {
            var lines = File.ReadAllLines(file);
            var relative = Path.GetRelativePath(site.Input, file).Replace('\\', '/');
            // Each placeholder line is reported, and each report is on a placeholder line.
            var reported = placeholders.Where(p => p.Path == relative).Select(p => p.Line).ToHashSet();
            var expected = lines.Select((line, i) => (line, i + 1))
                .Where(l => !l.line.StartsWith('#') && EntryTemplates.Placeholders.Any(p => l.line.Contains(p.Split(". ")[0]))).Select(l => l.Item2).ToHashSet();
            Assert.NotEmpty(expected);
            Assert.Equal(expected.Order(), reported.Order());
            File.WriteAllLines(file, lines.Select(l => l.StartsWith('#') ? l
                : EntryTemplates.Placeholders.Aggregate(l, (text, p) => text.Replace(p, "Our own words."))));
        }
        var built = site.Build(Today);
        Assert.True(built.Result.Succeeded, built.Errors);
        Assert.DoesNotContain(built.Result.Warnings, w => w.Path.StartsWith("studies/alpha/decisions", StringComparison.Ordinal));
        Assert.True(built.Has("studies/alpha/decisions/letters-in-plain-english/index.html"));
        Assert.True(built.Has("studies/alpha/meetings/2025-03-12-leap-north/index.html"));
        Assert.True(built.Has("studies/steady-steps-confidence-after-a-fall/index.html"));
        Assert.True(built.Has("blog/rewriting-the-letters-what-we-learned/index.html"));
        Assert.True(built.Has("get-involved/index.html"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_key_the_contract_allows_is_there_explained_with_only_the_required_ones_switched_on(string kind, string[] args, string path)
    {
        using var site = new TempSite().Study("alpha");
        Assert.Equal(0, New(site, kind, args).ExitCode);
        var text = File.ReadAllText(Path.Combine(site.Root, path));
        var frontMatter = FrontMatter(text);

        var on = ActiveKeys(frontMatter);
        var off = CommentedKeys(frontMatter);
        var entryKind = ContentKinds.Named(kind)!;
        var required = entryKind.Keys.Where(k => k.Need == Need.Required).Select(k => k.Name).ToList();
        Assert.Empty(on.Intersect(off));
        Assert.Equal(entryKind.KeyNames.Order(), on.Concat(off).Order());
        Assert.Subset(on.ToHashSet(), required.ToHashSet());
        // Only required keys are switched on; the one optional exception is a post's study, when --study is given.
        Assert.Equal(required.Order(), on.Order());

        // Every key, switched on or not, has a plain-English comment above it (keys in a group share one).
        var lines = frontMatter.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (KeyOf(lines[i]) is null) continue;
            var j = i - 1;
            while (j >= 0 && KeyOf(lines[j]) is not null) j--;
            Assert.True(j >= 0 && lines[j].StartsWith("# ", StringComparison.Ordinal), $"'{lines[i]}' has no explanation above it");
        }
    }

    [Fact]
    public void A_posts_study_is_switched_on_when_given_and_must_exist()
    {
        using var site = new TempSite().Study("alpha");
        Assert.Equal(0, New(site, "post", "--title", "About alpha", "--author", "ana", "--study", "alpha").ExitCode);
        Assert.Contains("\nstudy: alpha\n", File.ReadAllText(Path.Combine(site.Input, "posts", "about-alpha.md")));
        var missing = New(site, "post", "--title", "About beta", "--author", "ana", "--study", "beta");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("there is no study 'beta'", missing.Stderr);
    }

    [Fact]
    public void Allowed_values_are_listed_in_the_comments()
    {
        using var site = new TempSite().Study("alpha");
        Assert.Equal(0, New(site, "decision", "--title", "Values", "--study", "alpha").ExitCode);
        var text = File.ReadAllText(Path.Combine(site.Input, "studies", "alpha", "decisions", "values.md"));
        Assert.Contains(string.Join(", ", DecisionStatus.All), text);
        foreach (var id in Standards.Ids) Assert.Contains(id, text);
        Assert.Contains("status: open\n", text);
        Assert.Contains("you_said: \"Write what contributors said here.\"\n", text);
        Assert.Contains("raised: 2026-11-23\n", text);
    }

    [Fact]
    public void Never_overwrites_a_file_and_says_where_it_is()
    {
        using var site = new TempSite().Study("alpha");
        site.Write("studies/alpha/decisions/letters-in-plain-english.md", "precious");
        var run = New(site, "decision", "--title", "Letters in plain English", "--study", "alpha");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("input/studies/alpha/decisions/letters-in-plain-english.md:1:1: error: ", run.Stderr);
        Assert.Contains("already exists", run.Stderr);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(site.Input, "studies", "alpha", "decisions", "letters-in-plain-english.md")));
        Assert.Equal("", run.Stdout);

        var study = New(site, "study", "--title", "Alpha");
        Assert.Equal(2, study.ExitCode);
        Assert.Contains("input/studies/alpha/index.md:1:1: error: ", study.Stderr);
    }

    [Theory]
    [InlineData("meeting")]
    [InlineData("decision")]
    public void Meetings_and_decisions_need_an_existing_study(string kind)
    {
        using var site = new TempSite().Study("alpha");
        var none = New(site, kind, "--title", "Something");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--study", none.Stderr);
        Assert.Contains("Studies: alpha.", none.Stderr);

        var typo = New(site, kind, "--title", "Something", "--study", "alpah");
        Assert.Equal(2, typo.ExitCode);
        Assert.Contains("there is no study 'alpah' (studies/alpah/index.md). Did you mean 'alpha'?", typo.Stderr);
        Assert.False(Directory.Exists(Path.Combine(site.Input, "studies", "alpah")));
    }

    [Fact]
    public void The_date_defaults_to_the_build_date_and_must_be_a_real_date()
    {
        using var site = new TempSite().Study("alpha");
        var run = New(site, "meeting", "--title", "Carers' Circle", "--study", "alpha");
        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(Path.Combine(site.Input, "studies", "alpha", "meetings", "2026-11-23-carers-circle.md"));
        Assert.Contains("\ndate: 2026-11-23\n", text);
        Assert.Contains("This study's groups: LEAP North.", text);

        var bad = New(site, "meeting", "--title", "Later", "--study", "alpha", "--date", "2026-02-30");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--date '2026-02-30' is not a valid date", bad.Stderr);
    }

    [Fact]
    public void Usage_mistakes_exit_2_and_write_nothing()
    {
        using var site = new TempSite().Study("alpha");
        var before = CliRunner.Snapshot(site.Input);
        Assert.Equal(2, New(site, "post", "--title", "No author").ExitCode);
        Assert.Equal(2, New(site, "post", "--title", "Unknown author", "--author", "nobody").ExitCode);
        Assert.Equal(2, New(site, "page", "--title", "Blog").ExitCode);
        Assert.Equal(2, New(site, "page", "--title", "Anything", "--slug", "Not_Valid").ExitCode);
        Assert.Equal(2, New(site, "page", "--title", "!!!").ExitCode);
        Assert.Equal(2, New(site, "chapter", "--title", "Unknown kind").ExitCode);
        Assert.Equal(2, New(site, "page").ExitCode);
        Assert.Equal(before.Keys, CliRunner.Snapshot(site.Input).Keys);
    }

    [Fact]
    public void Slug_overrides_the_name_made_from_the_title()
    {
        using var site = new TempSite();
        var run = New(site, "study", "--title", "BRIDGE: peer support after a crisis", "--slug", "bridge");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("input/studies/bridge/index.md", run.Stdout);
    }

    [Theory]
    [InlineData("Letters in plain English", "letters-in-plain-english")]
    [InlineData("Carers' Circle: the carer’s view", "carers-circle-the-carers-view")]
    [InlineData("Café Études & Łódź — Straße", "cafe-etudes-and-lodz-strasse")]
    [InlineData("  --Already-a-slug--  ", "already-a-slug")]
    [InlineData("2026: year 3 (of 4)", "2026-year-3-of-4")]
    [InlineData("!!!", "")]
    [InlineData("参与", "")]
    public void Slugs_use_only_lower_case_ascii_letters_digits_and_hyphens(string title, string slug)
    {
        Assert.Equal(slug, Slug.FromTitle(title));
        if (slug.Length > 0) Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public void Long_titles_are_cut_at_a_word_boundary()
    {
        var slug = Slug.FromTitle("Have someone with lived experience of mental health crisis on the peer worker interview panel");
        Assert.True(slug.Length <= Slug.MaxLength, slug);
        Assert.Equal("have-someone-with-lived-experience-of-mental-health-crisis", slug);
    }

    static string FrontMatter(string text)
    {
        Assert.StartsWith("---\n", text);
        var end = text.IndexOf("\n---\n", 3, StringComparison.Ordinal);
        Assert.True(end > 0, "front matter is not closed");
        return text[4..(end + 1)];
    }

    static List<string> ActiveKeys(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var map = Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
        return map.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).ToList();
    }

    static List<string> CommentedKeys(string yaml) =>
        yaml.Split('\n').Select(l => CommentedKey().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();

    static string? KeyOf(string line) =>
        ActiveKey().Match(line) is { Success: true } on ? on.Groups[1].Value
            : CommentedKey().Match(line) is { Success: true } off ? off.Groups[1].Value : null;

    [GeneratedRegex("^([a-z_]+):( |$)")]
    private static partial Regex ActiveKey();

    [GeneratedRegex("^# ([a-z_]+):( |$)")]
    private static partial Regex CommentedKey();
}
