using System.Text;
using ImpactSite.Content.People;

namespace ImpactSite.Privacy;

/// <summary>A name form found in a text: where its first word starts (an offset into the text scanned), which part of
/// a document the text was (null for a plain file), and, for a published text file, the line and column of the file
/// where it was written, encoded or not (0 when no line means anything, as inside an archive).</summary>
public readonly record struct NameHit(NameForm Form, int Offset, string? Part, int Line = 0, int Column = 0);

/// <summary>
/// Turns characters into folded words and walks the <see cref="NameMatcher"/> with them. Letters and digits make words;
/// anything else ends one, except characters that fold to nothing (soft hyphen, zero-width characters), which a reader
/// does not see. A "soft" boundary (an inline tag such as &lt;em&gt;, which splits no word on screen) keeps the word
/// whole and also tries its parts on their own: "Le&lt;b&gt;e&lt;/b&gt;" is "Lee", and "Mrs&lt;b&gt;Lee&lt;/b&gt;" holds
/// "Lee". A withheld form is kept until no public form can still cover it ("Bob Lee" credited by name covers "Lee").
/// Speed matters (every byte the site publishes passes through here): a word that is a plain run of ASCII letters is
/// kept as a slice of the text and only copied when its length and first letter could make it a word of some name.
/// </summary>
public sealed class WordStream(NameMatcher matcher, List<NameHit> hits)
{
    readonly char[] word = new char[NameMatcher.MaxWord + 1];
    readonly int[] splits = new int[8];
    readonly int[] starts = new int[NameMatcher.MaxWord + 1]; // where each of the last 64 words started, by index
    readonly List<(NameHit Hit, int First, int Last)> pending = [];
    string text = ""; // the text being read: the word so far, while it is one slice of it, is text[runStart..runStart+runLength]
    int runStart, runLength;
    int length, splitCount, wordStart, index, state;
    bool overflow;
    char highSurrogate;

    /// <summary>The document part being read, recorded with each hit.</summary>
    public string? Part { get; set; }

    /// <summary>Starts reading a text (set once, not per word: a reference stored per word costs a GC write barrier).</summary>
    public void Begin(string source)
    {
        Materialize();
        text = source;
    }

    /// <summary>A run of ASCII letters and digits, text[start..end] of the text given to <see cref="Begin"/>.</summary>
    public void Letters(int start, int end)
    {
        if (length == 0 && runLength == 0)
        {
            (runStart, runLength, wordStart) = (start, end - start, start);
            return;
        }
        Materialize();
        Append(text.AsSpan(start, end - start));
    }

    /// <summary>
    /// A whole word, text[start..end], with a separator after it: the common case, so it has its own short way. A word
    /// that cannot be a name's word only moves the count of words on.
    /// </summary>
    public void Word(int start, int end)
    {
        if (length != 0 || runLength != 0)
        {
            Letters(start, end);
            End();
            return;
        }
        var run = text.AsSpan(start, end - start);
        if (matcher.MayBeWord(run))
        {
            // Copied and looked up straight away, not kept as a slice for End to test again.
            wordStart = start;
            Append(run);
            End();
            return;
        }
        state = 0;
        if (pending.Count > 0) Confirm(index);
        index++;
        splitCount = 0;
    }

    /// <summary>Any character, with where it stands in the text.</summary>
    public void Char(char c, int at)
    {
        Materialize();
        if (c < 0x80)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (length == 0) wordStart = at;
                Append([c]);
            }
            else End();
            return;
        }
        if (char.IsHighSurrogate(c))
        {
            highSurrogate = c;
            return;
        }
        var codePoint = char.IsLowSurrogate(c) && highSurrogate != 0 ? char.ConvertToUtf32(highSurrogate, c) : c;
        highSurrogate = '\0';
        foreach (var folded in TextFold.Of(codePoint))
        {
            if (!char.IsAsciiLetterOrDigit(folded)) End();
            else
            {
                if (length == 0) wordStart = at;
                Append([folded]);
            }
        }
    }

    void Append(ReadOnlySpan<char> letters)
    {
        var room = Math.Min(letters.Length, word.Length - length);
        Ascii.ToLower(letters[..room], word.AsSpan(length), out _);
        length += room;
        if (room < letters.Length) overflow = true;
    }

    /// <summary>Copies the slice the word is so far into the buffer, before something is added that is not in the text.</summary>
    void Materialize()
    {
        if (runLength == 0) return;
        var slice = text.AsSpan(runStart, runLength);
        runLength = 0;
        Append(slice);
    }

    /// <summary>A boundary that does not split a word on screen (an inline tag, a markdown emphasis mark).</summary>
    public void Soft()
    {
        Materialize();
        if (length > 0 && (splitCount == 0 || splits[splitCount - 1] != length) && splitCount < splits.Length) splits[splitCount++] = length;
    }

    /// <summary>Ends the word being read.</summary>
    public void End()
    {
        int id;
        if (runLength > 0)
        {
            var slice = text.AsSpan(runStart, runLength);
            runLength = 0;
            if (!matcher.MayBeWord(slice)) id = -1;
            else
            {
                Append(slice);
                id = overflow ? -1 : matcher.WordId(word.AsSpan(0, length));
            }
        }
        else if (length == 0) return;
        else id = overflow ? -1 : matcher.WordId(word.AsSpan(0, length));

        starts[index & NameMatcher.MaxWord] = wordStart;
        if (id >= 0 || state != 0) state = matcher.Step(state, id);
        // Names before public forms: a public form ending here covers a withheld one ending here too.
        if (id >= 0)
            foreach (var form in matcher.Ending(state))
                if (matcher.Forms[form].Kind != FormKind.Public) Found(matcher.Forms[form], index - matcher.Forms[form].Words.Length + 1);
        if (splitCount > 0 && !overflow) TryParts();
        if (id >= 0)
            foreach (var form in matcher.Ending(state))
                if (matcher.Forms[form].Kind == FormKind.Public) Found(matcher.Forms[form], index - matcher.Forms[form].Words.Length + 1);
        if (pending.Count > 0) Confirm(index);
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
            var part = word.AsSpan(from, to - from);
            // An empty part, or the whole word, looked up already, needs no look.
            if (to > from && to - from < length && matcher.WordId(part) is var id and >= 0 && matcher.IsWithheldWord(id))
                foreach (var form in matcher.Forms)
                    if (form.Kind == FormKind.Withheld && form.Words is [var only] && part.SequenceEqual(only))
                        Found(form, index);
            from = to;
        }
    }

    void Found(NameForm form, int first)
    {
        if (form.Kind == FormKind.Public)
        {
            // A loop, not RemoveAll with a lambda: public forms are found on most pages, and a closure per find was
            // most of what the guard allocated on a site of 400 people.
            for (var i = pending.Count - 1; i >= 0; i--)
                if (pending[i].First >= first && pending[i].Last <= index) pending.RemoveAt(i);
            return;
        }
        // The same name found as a fuller form (Ann Lee) and as its family name (Lee): keep the one that starts first.
        var same = -1;
        for (var i = 0; i < pending.Count && same < 0; i++)
            if (pending[i].Last == index && pending[i].Hit.Form.Person == form.Person) same = i;
        if (same >= 0 && pending[same].First <= first) return;
        if (same >= 0) pending.RemoveAt(same);
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
        Confirm(int.MaxValue - NameMatcher.MaxWord);
        state = 0;
        highSurrogate = '\0';
    }
}
