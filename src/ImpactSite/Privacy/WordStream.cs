namespace ImpactSite.Privacy;

/// <summary>A name form found in a text: where its first word starts (an offset into the text scanned) and which part of
/// a document the text was (null for a plain file).</summary>
public readonly record struct NameHit(NameForm Form, int Offset, string? Part);

/// <summary>
/// Turns characters into folded words and walks the <see cref="NameMatcher"/> with them. Letters and digits make words;
/// anything else ends one, except characters that fold to nothing (soft hyphen, zero-width characters), which a reader
/// does not see. A "soft" boundary (an inline tag such as &lt;em&gt;, which splits no word on screen) keeps the word
/// whole and also tries its parts on their own: "Le&lt;b&gt;e&lt;/b&gt;" is "Lee", and "Mrs&lt;b&gt;Lee&lt;/b&gt;" holds
/// "Lee". A withheld form is kept until no public form can still cover it ("Bob Lee" credited by name covers "Lee").
/// </summary>
public sealed class WordStream(NameMatcher matcher, List<NameHit> hits)
{
    readonly char[] word = new char[NameMatcher.MaxWord + 1];
    readonly int[] splits = new int[8];
    readonly int[] starts = new int[NameMatcher.MaxWord + 1]; // where each of the last words started, by index
    readonly List<(NameHit Hit, int First, int Last)> pending = [];
    int length, splitCount, wordStart, index, state;
    bool overflow;
    char highSurrogate;

    /// <summary>The document part being read, recorded with each hit.</summary>
    public string? Part { get; set; }

    public void Char(char c, int at)
    {
        if (c < 0x80)
        {
            Ascii(c, at);
            return;
        }
        if (char.IsHighSurrogate(c))
        {
            highSurrogate = c;
            return;
        }
        var codePoint = char.IsLowSurrogate(c) && highSurrogate != 0 ? char.ConvertToUtf32(highSurrogate, c) : c;
        highSurrogate = '\0';
        foreach (var folded in TextFold.Of(codePoint)) Ascii(folded, at);
    }

    void Ascii(char c, int at)
    {
        if (!char.IsAsciiLetterOrDigit(c))
        {
            End();
            return;
        }
        if (length == 0) wordStart = at;
        if (length <= NameMatcher.MaxWord) word[length++] = (char)(c | 0x20); // lower case; digits already have the bit
        else overflow = true;
    }

    /// <summary>A boundary that does not split a word on screen (an inline tag, a markdown emphasis mark).</summary>
    public void Soft()
    {
        if (length > 0 && (splitCount == 0 || splits[splitCount - 1] != length) && splitCount < splits.Length) splits[splitCount++] = length;
    }

    /// <summary>Ends the word being read.</summary>
    public void End()
    {
        if (length == 0) return;
        starts[index & NameMatcher.MaxWord] = wordStart;
        var id = overflow ? -1 : matcher.WordId(word.AsSpan(0, length));
        state = matcher.Step(state, id);
        if (id >= 0)
            foreach (var form in matcher.Ending(state))
                Found(matcher.Forms[form], index - matcher.Forms[form].Words.Length + 1);
        if (splitCount > 0 && !overflow) TryParts();
        Confirm(index);
        index++;
        length = splitCount = 0;
        overflow = false;
    }

    void TryParts()
    {
        var from = 0;
        for (var i = 0; i <= splitCount; i++)
        {
            var to = i < splitCount ? splits[i] : length;
            var id = matcher.WordId(word.AsSpan(from, to - from));
            if (id >= 0 && matcher.IsWithheldWord(id))
                foreach (var form in matcher.Forms.Where(f => f.Kind == FormKind.Withheld && f.Words is [var w] && w.AsSpan().SequenceEqual(word.AsSpan(from, to - from))))
                    Found(form, index);
            from = to;
        }
    }

    void Found(NameForm form, int first)
    {
        if (form.Kind == FormKind.Public)
        {
            pending.RemoveAll(p => p.First >= first && p.Last <= index);
            return;
        }
        pending.Add((new NameHit(form, starts[first & NameMatcher.MaxWord], Part), first, index));
    }

    /// <summary>Keeps the hits no public form can cover any more: one that started more than the longest public form ago.</summary>
    void Confirm(int current)
    {
        for (var i = pending.Count - 1; i >= 0; i--)
            if (pending[i].First + matcher.LongestPublic - 1 <= current)
            {
                hits.Add(pending[i].Hit);
                pending.RemoveAt(i);
            }
    }

    /// <summary>Ends the text: every hit still waiting is kept.</summary>
    public void Finish()
    {
        End();
        Confirm(int.MaxValue);
        state = 0;
    }
}
