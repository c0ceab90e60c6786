using System.Text;

namespace ImpactSite.Privacy;

/// <summary>
/// Host names' "xn--" labels (IDNA, RFC 3492 punycode), which browsers show decoded as Unicode in the address bar and
/// the status line: "xn--zo-ija" is "zoë". Written here rather than with IdnMapping.GetUnicode, which throws on a label
/// that breaks IDNA's further rules: any valid punycode is decoded, so a name cannot hide in a label a strict decoder
/// turns down but some reader still shows.
/// </summary>
public static class Punycode
{
    // Every page passes through here: a vectorised search (SearchValues), as IndexOf ignoring case is several times slower.
    static readonly System.Buffers.SearchValues<string> Prefix = System.Buffers.SearchValues.Create(["xn--"], StringComparison.OrdinalIgnoreCase);

    const int Base = 36, TMin = 1, TMax = 26, Skew = 38, Damp = 700, InitialBias = 72, InitialN = 128;

    /// <summary>The text with every "xn--" label decoded, each character placed where its label starts; null when it has
    /// none (the cheap test every page passes through).</summary>
    public static DecodedText? DecodeLabels(string text)
    {
        var at = text.AsSpan().IndexOfAny(Prefix);
        if (at < 0) return null;
        var into = new DecodedTextBuilder();
        var copied = 0;
        for (; at >= 0; at = text.AsSpan(at).IndexOfAny(Prefix) is var next and >= 0 ? at + next : -1)
        {
            var end = at + 4;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '-')) end++;
            var label = at > 0 && char.IsAsciiLetterOrDigit(text[at - 1]) ? null : Decode(text.AsSpan(at + 4, end - at - 4));
            if (label is not null)
            {
                for (var i = copied; i < at; i++) into.Append(text[i], i);
                into.Append(label, at);
                copied = end;
            }
            at = end;
        }
        for (var i = copied; i < text.Length; i++) into.Append(text[i], i);
        return into.ToDecodedText();
    }

    /// <summary>A label's punycode (after "xn--") as Unicode, or null when it is not punycode.</summary>
    public static string? Decode(ReadOnlySpan<char> encoded)
    {
        var basic = encoded.LastIndexOf('-');
        var output = new List<int>();
        foreach (var c in encoded[..Math.Max(basic, 0)]) output.Add(c);
        int n = InitialN, bias = InitialBias, i = 0;
        for (var at = basic + 1; at < encoded.Length;)
        {
            var old = i;
            for (int w = 1, k = Base; ; k += Base)
            {
                if (at >= encoded.Length) return null;
                var digit = Digit(encoded[at++]);
                if (digit < 0 || digit > (int.MaxValue - i) / w) return null;
                i += digit * w;
                var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                if (digit < t) break;
                w *= Base - t;
            }
            bias = Adapt(i - old, output.Count + 1, old == 0);
            n += i / (output.Count + 1);
            i %= output.Count + 1;
            if (n > 0x10FFFF || n is >= 0xD800 and <= 0xDFFF) return null;
            output.Insert(i++, n);
        }
        var text = new StringBuilder();
        foreach (var code in output) text.Append(char.ConvertFromUtf32(code));
        return text.ToString();
    }

    static int Digit(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '0' and <= '9' => c - '0' + 26,
        _ => -1,
    };

    static int Adapt(int delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        for (; delta > (Base - TMin) * TMax / 2; k += Base) delta /= Base - TMin;
        return k + (Base - TMin + 1) * delta / (delta + Skew);
    }
}
