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

    /// <summary>Each sentence with single spaces, the longest first: searched for in the text with its white space
    /// collapsed the same way, so "Write what contributors\n  said here." is found too.</summary>
    static readonly string[] Spaced = Sentences.Select(words => string.Join(' ', words)).ToArray();

    static readonly SearchValues<string> AnySentence = SearchValues.Create(Spaced, StringComparison.OrdinalIgnoreCase);

    /// <summary>The longest word of each sentence: a text holding none of them holds no placeholder. Most prose holds
    /// one ("involvement"), so this only spares the white-space collapse below.</summary>
    static readonly SearchValues<string> Clues =
        SearchValues.Create(Sentences.Select(words => words.MaxBy(w => w.Length)!).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase);

    public sealed record Found(int Offset, string Text);

    /// <summary>Every placeholder sentence in the text, left to right, none overlapping: searched for with vectorised
    /// string search, not a regular expression, which the native executable could only interpret (it was a sixth of
    /// the markdown step).</summary>
    public static IEnumerable<Found> In(string markdown)
    {
        if (markdown.AsSpan().IndexOfAny(Clues) < 0) return [];
        var (spaced, offsets) = Collapse(markdown);
        var found = new List<Found>();
        for (var at = 0; at < spaced.Length;)
        {
            var next = spaced.AsSpan(at).IndexOfAny(AnySentence);
            if (next < 0) break;
            at += next;
            var sentence = Spaced.First(s => spaced.AsSpan(at).StartsWith(s, StringComparison.OrdinalIgnoreCase));
            found.Add(new Found(offsets[at], spaced.Substring(at, sentence.Length)));
            at += sentence.Length;
        }
        return found;
    }

    /// <summary>The text with each run of white space as one space, and where each of its characters was.</summary>
    static (string Text, int[] Offsets) Collapse(string text)
    {
        var collapsed = new char[text.Length];
        var offsets = new int[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var space = char.IsWhiteSpace(text[i]);
            if (space && length > 0 && collapsed[length - 1] == ' ') continue; // a ' ' written so far came from white space
            collapsed[length] = space ? ' ' : text[i];
            offsets[length++] = i;
        }
        return (new string(collapsed, 0, length), offsets);
    }
}
