using System.Text.RegularExpressions;
using ImpactSite.Validate;
using ImpactSite.Content;
using ImpactSite.Content.People;

namespace ImpactSite.Privacy;

/// <summary>
/// What 'check' adds about names, as warnings a co-ordinator can judge (the build cannot tell a person from a word):
/// a withheld person's given name standing alone ("Marguerite said", without the family name the build refuses); text
/// that looks like a person's name, a title and a capitalised name ("Dr Smithson"), but matches nobody in people.yml;
/// and every file published unchecked.
/// </summary>
public static partial class NameWarnings
{
    public static IEnumerable<Diagnostic> For(SiteGraph graph)
    {
        var names = new NameMatcher(graph.People.Values);
        var known = graph.People.Values
            .SelectMany(p => new[] { p.Name, p.Pseudonym }.OfType<string>())
            .SelectMany(NameForms.Words).ToHashSet(StringComparer.Ordinal);
        var sources = graph.Entries.Select(e => e.SourcePath).Prepend("site.yml").ToList();
        var warnings = new List<Diagnostic>[sources.Count];
        Parallel.For(0, sources.Count, i => warnings[i] = TextPosition.Read(graph.InputRoot, sources[i]) is { } text
            ? [.. GivenNames(sources[i], text, names), .. UnknownNames(sources[i], text, known)] : []);
        foreach (var file in graph.Site.UncheckedFiles)
            yield return Warn(file.At, $"'{file.Path}' is published without being checked for names (unchecked_files: \"{file.Reason}\"): check it again whenever it changes.");
        foreach (var warning in warnings.SelectMany(w => w)) yield return warning;
    }

    static IEnumerable<Diagnostic> GivenNames(string path, string text, NameMatcher names)
    {
        var scan = new NameScan(names);
        scan.Read(text, Privacy.DocumentText.MarkupOf(path));
        var withheldHere = scan.Hits.Where(h => h.Form.Kind == FormKind.Withheld).Select(h => h.Form.Person).ToHashSet();
        return scan.Hits.Where(h => h.Form.Kind == FormKind.GivenName && !withheldHere.Contains(h.Form.Person))
            .DistinctBy(h => h.Offset)
            .Select(h => Warn(TextPosition.Of(path, text, h.Offset),
                $"this is the given name of '{h.Form.Person.Id}', whose name is withheld (credited as \"{h.Form.Person.Credit}\"): " +
                $"if it means them, write @{h.Form.Person.Id} instead; if it is someone else, ignore this warning."));
    }

    static IEnumerable<Diagnostic> UnknownNames(string path, string text, HashSet<string> known)
    {
        foreach (Match match in TitledName().Matches(text))
        {
            var words = NameForms.Words(match.Groups["name"].Value);
            if (words.Length == 0 || words.Any(known.Contains)) continue;
            yield return Warn(TextPosition.Of(path, text, match.Index),
                $"'{match.Value}' looks like a person's name, but matches nobody in people.yml: add them there (with the credit they chose) and write @id instead.");
        }
    }

    static Diagnostic Warn(SourceLocation at, string message) => new(Severity.Warning, at.Path, at.Line, at.Column, message);

    /// <summary>A title, then one or two capitalised words (each maybe hyphenated): "Dr Smithson", "Mrs Ada Lovell-Hart".</summary>
    [GeneratedRegex(@"\b(?:Dr|Mrs|Mr|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Lady|Lord|Revd?|Reverend|Cllr|Councillor)\.?[ \t]+(?<name>\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?(?:[ \t]+\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}\p{Ll}+)?)?)")]
    private static partial Regex TitledName();
}
