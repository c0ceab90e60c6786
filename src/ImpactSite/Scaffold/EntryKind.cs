namespace ImpactSite.Scaffold;

/// <summary>The kinds of markdown file 'impactsite new' can start, named as a co-ordinator types them.</summary>
public enum EntryKind { Study, Meeting, Decision, Post, Page }

public static class EntryKinds
{
    public static readonly string[] Names = ["study", "meeting", "decision", "post", "page"];

    public static EntryKind Parse(string name) => name switch
    {
        "study" => EntryKind.Study,
        "meeting" => EntryKind.Meeting,
        "decision" => EntryKind.Decision,
        "post" => EntryKind.Post,
        "page" => EntryKind.Page,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a kind of entry"),
    };

    public static string Name(this EntryKind kind) => Names[(int)kind];

    /// <summary>The keys the contract allows for this kind (see <see cref="Model.ContentKeys"/>).</summary>
    public static IReadOnlySet<string> AllowedKeys(this EntryKind kind) => kind switch
    {
        EntryKind.Study => Model.ContentKeys.Study,
        EntryKind.Meeting => Model.ContentKeys.Meeting,
        EntryKind.Decision => Model.ContentKeys.Decision,
        EntryKind.Post => Model.ContentKeys.Post,
        _ => Model.ContentKeys.Page,
    };

    /// <summary>Meetings and decisions belong to a study; the rest stand alone (a post may name one).</summary>
    public static bool NeedsStudy(this EntryKind kind) => kind is EntryKind.Meeting or EntryKind.Decision;

    /// <summary>The file's path inside the input folder, with '/' separators, as the contract places it.</summary>
    public static string RelativePath(this EntryKind kind, string slug, string? study) => kind switch
    {
        EntryKind.Study => $"studies/{slug}/index.md",
        EntryKind.Meeting => $"studies/{study}/meetings/{slug}.md",
        EntryKind.Decision => $"studies/{study}/decisions/{slug}.md",
        EntryKind.Post => $"posts/{slug}.md",
        _ => $"pages/{slug}.md",
    };
}
