using System.Text.RegularExpressions;
using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Model;

/// <summary>
/// Plain-English warnings for the texts public readers rely on most (study summaries, you said / we did, reasons):
/// sentences longer than <see cref="LongSentenceWords"/> words, and text above a Flesch-Kincaid grade of
/// <see cref="MaxGrade"/> (a reading age of about 14), the level UK plain-English guidance for health research aims below;
/// and, at any length, unexplained abbreviations and research jargon (<see cref="Jargon"/>), located at the term.
/// </summary>
public static partial class PlainEnglish
{
    public const int LongSentenceWords = 25;
    public const double MaxGrade = 9;
    const int MinWordsForGrade = 20;

    public static IEnumerable<Diagnostic> Warnings(SiteGraph graph)
    {
        var names = Names(graph);
        // Update notes are short progress lines, so only their words are checked, not their sentences.
        var texts = graph.Studies.Select(s => ((Prose?)s.Summary, "the study summary", true))
            .Concat(graph.Decisions.SelectMany(d => new[] { (d.YouSaid, "'you_said'", true), (d.WeDid, "'we_did'", true), (d.Reason, "'reason'", true) }
                .Concat(d.Updates.Select(u => ((Prose?)u.Note, "an update's 'note'", false)))))
            .Where(t => t.Item1 is not null).Select(t => (Prose: t.Item1!, What: t.Item2, Sentences: t.Item3));
        foreach (var (prose, what, sentences) in texts)
        {
            if (sentences) foreach (var d in Check(prose, what)) yield return d;
            foreach (var finding in Jargon.Check(prose.PlainText, what, names))
            {
                var at = SourceLines.Find(graph.InputRoot, prose.At, finding.Term);
                yield return new(Severity.Warning, at.Path, at.Line, at.Column, finding.Message);
            }
        }
    }

    /// <summary>Words in capitals that name something on this site (BRIDGE, LEAP North): names, not abbreviations.</summary>
    static HashSet<string> Names(SiteGraph graph) =>
        new[] { graph.Site.Title, graph.Site.Organisation }
            .Concat(graph.Studies.SelectMany(s => s.Groups.Append(s.Title).Append(s.Funder)))
            .OfType<string>().SelectMany(n => WordPattern().Matches(n).Select(m => m.Value))
            .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<Diagnostic> Check(Prose prose, string what)
    {
        var sentences = Sentences(prose.PlainText);
        foreach (var sentence in sentences)
        {
            var words = Words(sentence).Count;
            if (words > LongSentenceWords)
                yield return Warn(prose, $"{what} has a sentence of {words} words (\"{Opening(sentence)}\"): readers follow sentences of under {LongSentenceWords} words more easily. Try splitting it.");
        }
        var allWords = sentences.SelectMany(Words).ToList();
        if (allWords.Count < MinWordsForGrade) yield break;
        var grade = Grade(sentences.Count, allWords);
        if (grade > MaxGrade)
            yield return Warn(prose, $"{what} reads at about school grade {grade:0} (Flesch-Kincaid); aim for grade {MaxGrade:0} or below: shorter sentences and everyday words.");
    }

    /// <summary>Flesch-Kincaid grade level.</summary>
    public static double Grade(int sentences, IReadOnlyList<string> words) =>
        0.39 * words.Count / Math.Max(1, sentences) + 11.8 * words.Sum(Syllables) / words.Count - 15.59;

    /// <summary>A vowel-group count: rough for single words, good enough over a paragraph.</summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        var groups = VowelGroups().Matches(w).Count;
        if (w.EndsWith('e') && !w.EndsWith("le") && groups > 1) groups--;
        return Math.Max(1, groups);
    }

    static List<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => Words(s).Count > 0).ToList();

    static List<string> Words(string sentence) => WordPattern().Matches(sentence).Select(m => m.Value).ToList();

    static string Opening(string sentence)
    {
        var words = Words(sentence);
        return string.Join(' ', words.Take(8)) + (words.Count > 8 ? " …" : "");
    }

    static Diagnostic Warn(Prose prose, string message) => new(Severity.Warning, prose.At.Path, prose.At.Line, prose.At.Column, message);

    [GeneratedRegex(@"(?<=[.!?])\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}][\p{L}'’-]*")]
    private static partial Regex WordPattern();

    [GeneratedRegex("[aeiouy]+")]
    private static partial Regex VowelGroups();
}
