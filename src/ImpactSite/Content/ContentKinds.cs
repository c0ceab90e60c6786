using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Pages;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Studies;

namespace ImpactSite.Content;

/// <summary>
/// Every kind of markdown file the contract defines. The study is the folder the others sit in; every other kind is an
/// <see cref="EntryKind"/> that registers itself when the program starts (a <c>[ModuleInitializer]</c> in its own file),
/// so adding one touches nothing outside its folder. The typed handles below are for code about one particular kind.
/// </summary>
public static class ContentKinds
{
    public static StudyKind Study => StudyKind.Instance;
    public static MeetingKind Meeting => MeetingKind.Instance;
    public static DecisionKind Decision => DecisionKind.Instance;
    public static PostKind Post => PostKind.Instance;
    public static PageKind Page => PageKind.Instance;

    static readonly List<EntryKind> registered = [];
    static EntryKind[]? sorted;

    /// <summary>Called once per kind by its module initializer, before any other code runs.</summary>
    public static void Register(EntryKind kind)
    {
        lock (registered)
        {
            if (registered.Any(k => k.Name == kind.Name)) throw new InvalidOperationException($"two content kinds are called '{kind.Name}'");
            registered.Add(kind);
            sorted = null;
        }
    }

    /// <summary>Every entry kind, in <see cref="ContentKind.Order"/>: the order they are read, listed and offered in.</summary>
    public static IReadOnlyList<EntryKind> Entries
    {
        get
        {
            lock (registered) return sorted ??= [.. registered.OrderBy(k => k.Order).ThenBy(k => k.Name, StringComparer.Ordinal)];
        }
    }

    /// <summary>The kinds whose files sit in a study's folder, and the kinds whose files do not.</summary>
    public static IEnumerable<EntryKind> InStudies => Entries.Where(k => k.InStudy);
    public static IEnumerable<EntryKind> OutsideStudies => Entries.Where(k => !k.InStudy);

    public static IReadOnlyList<ContentKind> All => [Study, .. Entries];

    public static ContentKind? Named(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>The involvement standards a meeting, decision or post may be tagged with.</summary>
    public static KeySpec StandardsKey(string what) => new("standards", KeyType.Choices, "Involvement standards",
        $"Which involvement standards {what} shows.", Need.Optional) { Values = Standards.All.Select(s => s.Id).ToList() };

    /// <summary>The research stage a meeting or decision was about (a decision without one takes its meeting's).</summary>
    public static KeySpec StageKey(string what) => new("stage", KeyType.Choice, "Research stage",
        $"The research stage {what} was about, for the figures by stage.", Need.Optional) { Values = ResearchStages.Ids };
}
