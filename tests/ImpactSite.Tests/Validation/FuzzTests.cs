using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ImpactSite.Build;
using ImpactSite.Tests.Support;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Validation;

/// <summary>
/// Mutated front matter and markdown never crash the build: whatever a co-ordinator types, the result is either a site
/// or located diagnostics, and a failed build publishes nothing. Runs a bounded number of cases so CI stays quick.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    const string ValidDecision = """
        ---
        title: Letters in plain English
        raised: 2025-01-10
        raised_at: m1
        raised_by: [ana, kite]
        you_said: The letter was hard to follow, said @quiet.
        status: partly-adopted
        we_did: We rewrote it with the panel.
        responded: 2025-02-20
        reason: The legal paragraph must stay.
        standards: [communications, impact]
        updates:
          - {date: 2025-02-01, status: considering, note: Sent to the ethics committee}
        tags: [letters]
        ---
        ## What happened

        | Step | Who |
        |---|---|
        | Draft | @ana |

        - [x] Rewrite
        - [ ] Test with readers[^1]

        See [the meeting](../meetings/m1.md) and ![a drawing](../../../assets/p.png).

        [^1]: Five readers.
        """;

    static readonly string[] Fragments =
    [
        ":", ": ", "-", "- ", "[", "]", "{", "}", "'", "\"", "@", "@ana", "@nobody", "#", "\t", "---", "...", "\n", "\r\n", "\r",
        "\u00A0", "\uFEFF", "é", "🙂", "&", "*", "|", "!", "%", ">", "<script>", "](", "![", "[^1]", "\\", "0000-00-00",
        "2025-02-30", "~", "null", "true", "&anchor ", "*alias", "!!binary ", "? ", "../../../../", ".md", "{.decorative}", "\0",
    ];

    sealed record Edit(int Position, int Kind, string Text);

    static readonly Gen<Edit[]> Edits =
        (from position in Gen.Choose(0, 5000)
         from kind in Gen.Choose(0, 3)
         from text in Gen.Elements(Fragments)
         select new Edit(position, kind, text)).ArrayOf();

    readonly TempSite temp = new();

    public FuzzTests()
    {
        temp.Study("alpha").Meeting("alpha", "m1", "2025-01-10").WriteBytes("assets/p.png", Convert.FromBase64String(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg=="));
    }

    public void Dispose() => temp.Dispose();

    static string Apply(string source, Edit[] edits)
    {
        var text = source;
        foreach (var edit in edits)
        {
            var at = edit.Position % (text.Length + 1);
            var cut = Math.Min(edit.Text.Length, text.Length - at);
            text = edit.Kind switch
            {
                0 => text.Insert(at, edit.Text),
                1 => text.Remove(at, cut),
                2 => text[..at],
                _ => text.Remove(at, cut).Insert(at, edit.Text),
            };
        }
        return text;
    }

    void AssertBuildsOrReportsLocatedProblems(string path, string content)
    {
        // Edits may split a surrogate pair; write what an editor would save (a replacement character), never throw here.
        temp.WriteBytes(path, System.Text.Encoding.UTF8.GetBytes(content));
        var result = SiteBuilder.Build(new BuildRequest(temp.Input, Repo.Theme, new DateOnly(2026, 11, 23)));
        foreach (var d in result.Diagnostics)
        {
            Assert.True(d.Line >= 1 && d.Column >= 1, $"unlocated: {d.Format("input")}");
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
        }
        if (result.Succeeded) Assert.NotEmpty(result.Files);
        else Assert.Empty(result.Files);
    }

    [Property(MaxTest = 50, EndSize = 12)]
    public Property Mutated_decisions_never_crash_the_build() =>
        Prop.ForAll(Arb.From(Edits), edits =>
            AssertBuildsOrReportsLocatedProblems("studies/alpha/decisions/d.md", Apply(ValidDecision, edits)));

    /// <summary>Found by the property below: YamlDotNet fails on this without a position (InvalidOperationException),
    /// and the browser editor's check of people.yml, made with the site's files, let that escape the build.</summary>
    [Fact]
    public void A_people_register_the_parser_fails_on_without_a_position_is_reported_not_a_crash() =>
        AssertBuildsOrReportsLocatedProblems("people.yml", "- id: ana\n  credit: name\n [ name: Ana Testpersoe-ber\n- id: kite\n  credit: pseudon");

    [Property(MaxTest = 30, EndSize = 12)]
    public Property Mutated_people_registers_never_crash_the_build() =>
        Prop.ForAll(Arb.From(Edits), edits =>
            AssertBuildsOrReportsLocatedProblems("people.yml",
                Apply("- id: ana\n  credit: name\n  name: Ana Testperson\n  role: LEAP member\n- id: kite\n  credit: pseudonym\n  pseudonym: Kite\n  name: Zebedee Withheldname\n", edits)));

    [Property(MaxTest = 25, EndSize = 12)]
    public Property Mutated_site_settings_never_crash_the_build() =>
        Prop.ForAll(Arb.From(Edits), edits =>
            AssertBuildsOrReportsLocatedProblems("site.yml",
                Apply("title: Test\nbase_url: https://impact.test.example/\noverdue_after_days: 90\nframeworks: [uk-standards, 4pi]\n", edits)));
}
