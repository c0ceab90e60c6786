using System.Text.RegularExpressions;
using ImpactSite.Content.People;

namespace ImpactSite.Content.Decisions;

/// <summary>
/// Whether text a co-ordinator typed where a group or role belongs (such as 'decided_by') looks like a person's name:
/// a title followed by a name ("Dr Okafor"), a word of a name stored in people.yml, or two to four capitalised words
/// none of which is the kind of word groups and roles are made of ("Sarah Jones", but not "Trial Steering Committee").
/// Made once per build: the words of every stored name are collected once, not once per value looked at.
/// </summary>
public sealed partial class TypedName(IEnumerable<Person> people)
{
    static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
        { "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "lady", "lord", "rev", "revd" };

    /// <summary>Words that make a group or a role, not a person.</summary>
    static readonly HashSet<string> GroupWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "committee", "board", "group", "team", "panel", "council", "steering", "management", "trial", "study", "research",
        "ethics", "sponsor", "funder", "unit", "network", "forum", "service", "services", "trust", "trusts", "university",
        "department", "office", "investigator", "investigators", "chief", "principal", "lead", "leads", "manager", "managers",
        "director", "officer", "coordinator", "co-ordinator", "chair", "members", "member", "staff", "working", "advisory",
        "oversight", "data", "monitoring", "safety", "programme", "project", "partners", "partnership", "circle", "panel",
        "patient", "patients", "public", "involvement", "clinical", "nurse", "nurses", "doctors", "governance", "sponsors",
        "the", "and", "of", "for", "with", "all", "our", "whole", "carers", "advisers", "advisors", "representatives",
    };

    readonly HashSet<string> nameWords = people.Where(p => p.Name is not null)
        .SelectMany(p => Word().Matches(p.Name!).Select(m => m.Value))
        .Where(w => w.Length > 2 && !Titles.Contains(w.TrimEnd('.')))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public bool Looks(string text, IEnumerable<string> groups)
    {
        if (groups.Any(g => string.Equals(g, text.Trim(), StringComparison.OrdinalIgnoreCase))) return false;
        var words = Word().Matches(text).Select(m => m.Value.TrimEnd('.')).Where(w => w.Length > 0).ToList();
        if (words.Count == 0) return false;
        if (words.Any(nameWords.Contains)) return true;
        if (words.Count >= 2 && Titles.Contains(words[0]) && char.IsUpper(words[1][0])) return true;
        return words.Count is >= 2 and <= 4 && words.All(w => Capitalised().IsMatch(w) && !GroupWords.Contains(w));
    }

    [GeneratedRegex(@"[\p{L}][\p{L}'’.-]*")]
    private static partial Regex Word();

    /// <summary>"Sarah", "O'Neill", "Ashby-Tell", or an initial ("J").</summary>
    [GeneratedRegex(@"^(\p{Lu}\p{Ll}+([-'’]\p{Lu}?\p{Ll}+)*|\p{Lu})$")]
    private static partial Regex Capitalised();
}
