using ImpactSite.Content.Decisions;
using ImpactSite.Content.Meetings;
using ImpactSite.Content.Pages;
using ImpactSite.Content.Posts;
using ImpactSite.Content.Studies;

namespace ImpactSite.Content;

/// <summary>Every kind of markdown file the contract defines. Adding a kind: a folder here with its definition, its
/// layout in the theme, and a line below.</summary>
public static class ContentKinds
{
    public static readonly StudyKind Study = new();
    public static readonly MeetingKind Meeting = new();
    public static readonly DecisionKind Decision = new();
    public static readonly PostKind Post = new();
    public static readonly PageKind Page = new();

    public static readonly IReadOnlyList<ContentKind> All = [Study, Meeting, Decision, Post, Page];

    public static ContentKind? Named(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>The involvement standards a meeting, decision or post may be tagged with.</summary>
    public static KeySpec StandardsKey(string what) => new("standards", KeyType.Choices, "Involvement standards",
        $"Which involvement standards {what} shows.", Need.Optional) { Values = Standards.All.Select(s => s.Id).ToList() };

    /// <summary>The research stage a meeting or decision was about (a decision without one takes its meeting's).</summary>
    public static KeySpec StageKey(string what) => new("stage", KeyType.Choice, "Research stage",
        $"The research stage {what} was about, for the figures by stage.", Need.Optional) { Values = ResearchStages.Ids };
}
