using System.Buffers;
using System.Text.RegularExpressions;

namespace ImpactSite.Scaffold;

/// <summary>
/// Finds placeholder text that 'impactsite new' wrote and nobody replaced. Each sentence of a placeholder counts on its
/// own (a co-ordinator may keep one and delete the other), matched whatever the case or line breaks.
/// </summary>
public static class LeftoverPlaceholders
{
    /// <summary>Shorter sentences could be a co-ordinator's own words.</summary>
    const int MinWords = 4;

    static readonly string[][] Sentences = EntryTemplates.Placeholders
        .SelectMany(p => Regex.Split(p, @"(?<=[.:])\s+"))
        .Select(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Where(words => words.Length >= MinWords)
        .DistinctBy(words => string.Join(' ', words))
        .OrderByDescending(words => string.Join(' ', words).Length) // the longest first, so a sentence is never matched by a part of it
        .ToArray();

    static readonly Regex Pattern = new(
        string.Join('|', Sentences.Select(words => string.Join(@"\s+", words.Select(Regex.Escape)))),
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>The longest word of each sentence: a text holding none of them holds no placeholder, and this search
    /// (vectorised) costs a fraction of the pattern's, which the native executable can only interpret.</summary>
    static readonly SearchValues<string> Clues =
        SearchValues.Create(Sentences.Select(words => words.MaxBy(w => w.Length)!).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase);

    public sealed record Found(int Offset, string Text);

    public static IEnumerable<Found> In(string markdown) =>
        markdown.AsSpan().IndexOfAny(Clues) < 0
            ? []
            : Pattern.Matches(markdown).Select(m => new Found(m.Index, Regex.Replace(m.Value, @"\s+", " ")));
}
