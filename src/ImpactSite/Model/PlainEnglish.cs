using System.Text.RegularExpressions;
using ImpactSite.Validate;

namespace ImpactSite.Model;

/// <summary>
/// Plain-English warnings for the texts public readers rely on most (study summaries, you said / we did, reasons):
/// sentences longer than <see cref="LongSentenceWords"/> words, and text above a Flesch-Kincaid grade of
/// <see cref="MaxGrade"/> (a reading age of about 14), the level UK plain-English guidance for health research aims below.
/// </summary>
public static partial class PlainEnglish
{
    public const int LongSentenceWords = 25;
    public const double MaxGrade = 9;
    const int MinWordsForGrade = 20;

    public static IEnumerable<Diagnostic> Warnings(SiteGraph graph)
    {
        foreach (var study in graph.Studies)
            foreach (var d in Check(study.Summary, "the study summary")) yield return d;
        foreach (var decision in graph.Decisions)
        {
            foreach (var d in Check(decision.YouSaid, "'you_said'")) yield return d;
            if (decision.WeDid is { } weDid) foreach (var d in Check(weDid, "'we_did'")) yield return d;
            if (decision.Reason is { } reason) foreach (var d in Check(reason, "'reason'")) yield return d;
        }
    }

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
