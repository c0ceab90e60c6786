using System.Collections.Concurrent;
using System.Globalization;
using AnyAscii;

namespace ImpactSite.Privacy;

/// <summary>
/// Folds a character to what a reader's eye makes of it, as lower-case ASCII: AnyAscii's transliteration tables do the
/// work of NFKC and more (accents and decomposed accents, ligatures, full-width and mathematical letters, look-alike
/// Cyrillic and Greek letters, look-alike dashes and apostrophes, ß to ss). Format characters (soft hyphen, zero-width
/// space and joiners, word joiner, bidi controls, tag characters) fold to nothing, so they join what they sit between,
/// as on screen; every kind of space folds to a space. The build runs with invariant globalization, where
/// string.Normalize does nothing, which is why normalisation comes from AnyAscii's tables rather than the runtime.
/// </summary>
public static class TextFold
{
    static readonly string?[] Bmp = new string?[0x10000];
    static readonly ConcurrentDictionary<int, string> Astral = new();

    /// <summary>The folded form of a code point beyond ASCII (lower-case ASCII letters, digits, spaces or punctuation; maybe empty).</summary>
    public static string Of(int codePoint)
    {
        if (codePoint < 0x10000) return Bmp[codePoint] ??= Compute(codePoint);
        return Astral.GetOrAdd(codePoint, Compute);
    }

    static string Compute(int codePoint)
    {
        if (codePoint is >= 0xD800 and <= 0xDFFF) return "";
        var text = char.ConvertFromUtf32(codePoint);
        if (codePoint < 0x10000 && LookAlikes.TryGetValue(char.ToLowerInvariant((char)codePoint), out var alike)) return alike.ToString();
        var category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.PrivateUse) return "";
        if (category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control) return " ";
        return text.Transliterate().ToLowerInvariant();
    }

    /// <summary>
    /// Cyrillic and Greek letters that look like Latin ones, read as the letter they look like (AnyAscii transliterates by
    /// sound, so Cyrillic 'у' would be "u" and 'р' "r", though a reader sees "y" and "p"). Both the stored names and the
    /// text are folded the same way, so a name stored in Cyrillic or Greek is still found.
    /// </summary>
    static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['а'] = 'a', ['в'] = 'b', ['е'] = 'e', ['ё'] = 'e', ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c',
        ['т'] = 't', ['у'] = 'y', ['х'] = 'x', ['ѕ'] = 's', ['і'] = 'i', ['ї'] = 'i', ['ј'] = 'j', ['ԁ'] = 'd', ['һ'] = 'h', ['ԛ'] = 'q',
        ['ԝ'] = 'w', ['ɡ'] = 'g', ['ɩ'] = 'i', ['ο'] = 'o', ['α'] = 'a', ['ν'] = 'v', ['ρ'] = 'p', ['κ'] = 'k', ['ι'] = 'i', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x', ['ε'] = 'e', ['η'] = 'n',
    };

    /// <summary>A whole string folded, for names and short texts (not for pages: the scanners fold as they go).</summary>
    public static string Fold(string text)
    {
        var folded = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                codePoint = char.ConvertToUtf32(text[i], text[++i]);
            if (codePoint < 0x80) folded.Append(char.ToLowerInvariant((char)codePoint));
            else folded.Append(Of(codePoint));
        }
        return folded.ToString();
    }
}
