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

    static readonly Regex Pattern = Build();

    public sealed record Found(int Offset, string Text);

    public static IEnumerable<Found> In(string markdown) =>
        Pattern.Matches(markdown).Select(m => new Found(m.Index, Regex.Replace(m.Value, @"\s+", " ")));

    static Regex Build()
    {
        var sentences = EntryTemplates.Placeholders
            .SelectMany(p => Regex.Split(p, @"(?<=[.:])\s+"))
            .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinWords)
            .Distinct()
            .OrderByDescending(s => s.Length) // the longest first, so a sentence is never matched by a part of it
            .Select(s => string.Join(@"\s+", s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)));
        return new Regex(string.Join('|', sentences), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
