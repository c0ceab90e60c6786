using System.Text;
using ImpactSite.Model;

namespace ImpactSite.Scaffold;

/// <summary>
/// File names for new entries: lower-case ASCII letters, digits and hyphens, as the contract's slug rule requires.
/// Accented Latin letters become their plain letters (the app runs with invariant globalization, so string
/// normalisation cannot be relied on to strip accents); apostrophes are dropped so "Carers' Circle" gives
/// "carers-circle"; everything else separates words.
/// </summary>
public static class Slug
{
    /// <summary>Long titles make long addresses; cut at a word boundary after this many characters.</summary>
    public const int MaxLength = 60;

    static readonly Dictionary<char, string> Plain = Build(
        ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"), ("œ", "oe"),
        ("ŕŗř", "r"), ("śŝşš", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("þ", "th"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"),
        ("ýÿŷ", "y"), ("źżž", "z"));

    public static bool IsValid(string slug) => InputInventory.SlugPattern().IsMatch(slug);

    /// <summary>The slug for a title, or "" when the title has no letters or digits that can be written in ASCII.</summary>
    public static string FromTitle(string title)
    {
        var text = new StringBuilder();
        foreach (var c in title.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') text.Append(c);
            else if (c is '\'' or '\u2018' or '\u2019') continue;
            else if (c == '&') text.Append("-and-");
            else if (Plain.TryGetValue(c, out var plain)) text.Append(plain);
            else text.Append('-');
        }
        var words = text.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries);
        var slug = new StringBuilder();
        foreach (var word in words)
        {
            var extra = (slug.Length > 0 ? 1 : 0) + word.Length;
            if (slug.Length > 0 && slug.Length + extra > MaxLength) break;
            if (slug.Length > 0) slug.Append('-');
            slug.Append(word.Length > MaxLength ? word[..MaxLength] : word);
        }
        return slug.ToString();
    }

    static Dictionary<char, string> Build(params (string Letters, string Plain)[] groups)
    {
        var map = new Dictionary<char, string>();
        foreach (var (letters, plain) in groups)
            foreach (var letter in letters) map[letter] = plain;
        return map;
    }
}
