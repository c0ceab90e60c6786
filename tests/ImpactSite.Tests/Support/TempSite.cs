using ImpactSite.Build;
using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Studies;

namespace ImpactSite.Tests.Support;

/// <summary>
/// A small input folder written by a test, built with the repository's real theme. Starts with a valid site.yml and
/// people.yml so each test writes only what it is about.
/// </summary>
public sealed class TempSite : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("impactsite-test-").FullName;
    public string Input => Path.Combine(Root, "input");

    public TempSite(bool withDefaults = true)
    {
        Directory.CreateDirectory(Input);
        if (!withDefaults) return;
        Write("site.yml", """
            title: Test involvement site
            base_url: https://impact.test.example/
            organisation: Test Research Unit
            """);
        Write("people.yml", """
            - id: ana
              credit: name
              name: Ana Testperson
              role: LEAP member
            - id: kite
              credit: pseudonym
              pseudonym: Kite
              name: Zebedee Withheldname
              role: Service user researcher
            - id: quiet
              credit: role
              name: Quentin Hiddensurname
              role: Carer representative
            - id: gone
              credit: name
              name: Wilhelmina Withdrawnperson
              role: LEAP member
              withdrawn: true
            """);
    }

    public TempSite Write(string relativePath, string content)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return this;
    }

    public TempSite WriteBytes(string relativePath, byte[] content)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return this;
    }

    public TempSite Study(string slug = "alpha", string extra = "") => Write($"studies/{slug}/index.md", $"""
        ---
        title: Study {slug}
        summary: A test study.
        status: active
        groups: [LEAP North]
        {extra}
        ---
        About the study.
        """);

    public TempSite Meeting(string study, string slug, string date, string extra = "") => Write($"studies/{study}/meetings/{slug}.md", $"""
        ---
        title: Meeting {slug}
        date: {date}
        group: LEAP North
        {extra}
        ---
        Notes.
        """);

    /// <summary>A decision; 'fields' holds the status and response keys the test is about.</summary>
    public TempSite Decision(string study, string slug, string raised, string fields) => Write($"studies/{study}/decisions/{slug}.md", $"""
        ---
        title: Decision {slug}
        raised: {raised}
        you_said: A suggestion.
        {fields}
        ---
        """);

    public BuiltSite Build(DateOnly? today = null, bool drafts = false) =>
        new(SiteBuilder.Build(new BuildRequest(Input, Repo.Theme, today ?? new DateOnly(2026, 11, 23), drafts)));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
