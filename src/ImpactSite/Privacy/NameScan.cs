namespace ImpactSite.Privacy;

/// <summary>One reading of one file (or one source) for names: its texts go in, the name forms found come out.</summary>
public sealed class NameScan
{
    readonly List<NameHit> hits = [];
    readonly WordStream seen;
    readonly WordStream hidden;

    public NameScan(NameMatcher matcher)
    {
        seen = new WordStream(matcher, hits);
        hidden = new WordStream(matcher, hits);
    }

    public IReadOnlyList<NameHit> Hits => hits;

    /// <summary>Reads a text; <paramref name="part"/> says which part of a document it is (null for a whole file).</summary>
    public void Read(string text, Markup markup, string? part = null)
    {
        seen.Part = hidden.Part = part;
        // A host's xn-- labels are read as the browser shows them; hits keep their offsets into the text as written.
        if (Punycode.DecodeLabels(text) is not { } decoded)
        {
            MarkupText.Read(text, markup, seen, hidden, hits);
            return;
        }
        var from = hits.Count;
        MarkupText.Read(decoded.Text, markup, seen, hidden, hits);
        for (var i = from; i < hits.Count; i++) hits[i] = hits[i] with { Offset = decoded.Origin(hits[i].Offset) };
    }

    /// <summary>Places the hits found since the <paramref name="from"/>th at the line and column of the file they were
    /// read from, given where each one's text starts.</summary>
    public void Place(int from, Func<int, (int Line, int Column)> at)
    {
        for (var i = from; i < hits.Count; i++)
            if (hits[i].Line == 0 && at(hits[i].Offset) is (> 0, > 0) place)
                hits[i] = hits[i] with { Line = place.Line, Column = place.Column };
    }

    /// <summary>
    /// Reads the strings a binary file holds (the way the 'strings' tool does): its bytes as ASCII, and as UTF-16 in
    /// both byte orders. Only ASCII letters count, so compressed or numeric data does not spell names by chance.
    /// </summary>
    public void ReadStrings(ReadOnlySpan<byte> bytes, string? part)
    {
        var ascii = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++) ascii[i] = bytes[i] < 0x80 ? (char)bytes[i] : ' ';
        Read(new string(ascii), Markup.None, part);
        for (var order = 0; order < 2; order++)
        {
            var wide = new char[bytes.Length / 2];
            for (var i = 0; i + 1 < bytes.Length; i += 2)
            {
                var (low, high) = order == 0 ? (bytes[i], bytes[i + 1]) : (bytes[i + 1], bytes[i]);
                wide[i / 2] = high == 0 && low < 0x80 ? (char)low : ' ';
            }
            Read(new string(wide), Markup.None, part);
        }
    }
}
