using System.Text;

namespace ImpactSite.Privacy;

/// <summary>
/// Text decoded from a file, with where each character came from: an offset into the file's own text, so a name found
/// in what a calendar, address book or mail program shows is reported at the line of the file where its encoded form
/// starts. The file's own text is its own origin (no array is made for it).
/// </summary>
public sealed class DecodedText
{
    readonly int[]? origins;
    readonly int shift;

    DecodedText(string text, int[]? origins, int shift)
    {
        Text = text;
        this.origins = origins;
        this.shift = shift;
    }

    public string Text { get; }

    /// <summary>A file's own text.</summary>
    public static DecodedText Of(string text) => new(text, null, 0);

    public static DecodedText Of(string text, int[] origins) => new(text, origins, 0);

    /// <summary>Where the character at <paramref name="index"/> came from (the end of the text: where its last one did).</summary>
    public int Origin(int index)
    {
        if (Text.Length == 0) return shift;
        index = Math.Clamp(index, 0, Text.Length - 1);
        return origins is null ? shift + index : origins[index];
    }

    public DecodedText Slice(int start, int end) =>
        origins is null ? new(Text[start..end], null, shift + start) : new(Text[start..end], origins[start..end], 0);
}

/// <summary>Builds a <see cref="DecodedText"/> text a character at a time.</summary>
public sealed class DecodedTextBuilder
{
    readonly StringBuilder text = new();
    readonly List<int> origins = [];

    public int Length => text.Length;

    public DecodedTextBuilder Append(char c, int origin)
    {
        text.Append(c);
        origins.Add(origin);
        return this;
    }

    public DecodedTextBuilder Append(string s, int origin)
    {
        foreach (var c in s) Append(c, origin);
        return this;
    }

    public DecodedTextBuilder Append(DecodedText from, int start, int end)
    {
        for (var i = start; i < end; i++) Append(from.Text[i], from.Origin(i));
        return this;
    }

    public DecodedText ToDecodedText() => DecodedText.Of(text.ToString(), [.. origins]);
}

/// <summary>Bytes decoded from a transfer encoding (base64, quoted-printable, uuencode), each with where it came from.</summary>
public sealed class DecodedBytes
{
    readonly List<byte> bytes = [];
    readonly List<int> origins = [];

    public int Count => bytes.Count;

    public void Add(byte b, int origin)
    {
        bytes.Add(b);
        origins.Add(origin);
    }

    public byte[] ToArray() => [.. bytes];

    public int Origin(int index) => origins.Count == 0 ? 0 : origins[Math.Clamp(index, 0, origins.Count - 1)];

    /// <summary>The bytes as text in a character set, each character placed where the byte that ended it came from.</summary>
    public DecodedText Decode(Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var chars = new char[Math.Max(4, encoding.GetMaxCharCount(1))];
        var one = new byte[1];
        var text = new DecodedTextBuilder();
        for (var i = 0; i < bytes.Count; i++)
        {
            one[0] = bytes[i];
            var count = decoder.GetChars(one, 0, 1, chars, 0, flush: i == bytes.Count - 1);
            for (var k = 0; k < count; k++) text.Append(chars[k], origins[i]);
        }
        return text.ToDecodedText();
    }
}
