using ImpactSite.Content.People;

namespace ImpactSite.Privacy;

/// <summary>
/// Every name form of every person as one Aho-Corasick automaton over words: a text is read once, word by word, whatever
/// the number of names, so the cost grows with the site and not with files times names. Words are numbered through a
/// dictionary; a word no form uses sends the automaton back to its root. Built once per build and shared by every
/// thread (it is never changed after construction).
/// </summary>
public sealed class NameMatcher
{
    readonly Dictionary<string, int> vocabulary = new(StringComparer.Ordinal);
    readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    readonly ulong[] shapes = new ulong[1 << (ShapeBits - 6)]; // bit set: some word of some form has this Shape
    readonly ulong[] hashes = new ulong[1 << (HashBits - 6)]; // bit set: some word of some form has this Hash
    readonly List<Dictionary<int, int>> next = [new()];
    readonly List<int> fail = [0];
    readonly List<List<int>> outputs = [[]];
    readonly HashSet<int> singleWithheld = [];

    /// <summary>An immutable array, not a list interface: the word stream indexes it for every name word it meets.</summary>
    public System.Collections.Immutable.ImmutableArray<NameForm> Forms { get; }
    /// <summary>The longest public form, in words: how long a possible leak waits for a public name to cover it.</summary>
    public int LongestPublic { get; }
    public bool HasWithheld { get; }
    public const int MaxWord = 63;

    public NameMatcher(IEnumerable<Person> people)
    {
        Forms = [.. people.SelectMany(NameForms.For).Where(f => f.Words.Length > 0 && f.Words.All(w => w.Length <= MaxWord))];
        lookup = vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = 0; i < Forms.Length; i++)
        {
            var state = 0;
            foreach (var word in Forms[i].Words)
            {
                if (!vocabulary.TryGetValue(word, out var id)) vocabulary[word] = id = vocabulary.Count;
                var shape = Shape(word);
                shapes[shape >> 6] |= 1UL << shape;
                var hash = Hash(word);
                hashes[hash >> 6] |= 1UL << hash;
                if (!next[state].TryGetValue(id, out var to))
                {
                    next[state][id] = to = next.Count;
                    next.Add([]);
                    fail.Add(0);
                    outputs.Add([]);
                }
                state = to;
            }
            outputs[state].Add(i);
            if (Forms[i].Kind == FormKind.Withheld && Forms[i].Words.Length == 1) singleWithheld.Add(vocabulary[Forms[i].Words[0]]);
        }
        LinkFailures();
        LongestPublic = Forms.Where(f => f.Kind == FormKind.Public).Select(f => f.Words.Length).DefaultIfEmpty(1).Max();
        HasWithheld = Forms.Any(f => f.Kind == FormKind.Withheld);
    }

    /// <summary>Breadth first: each state's failure link is the longest proper suffix that is also a state.</summary>
    void LinkFailures()
    {
        var queue = new Queue<int>(next[0].Values);
        while (queue.TryDequeue(out var state))
            foreach (var (id, to) in next[state])
            {
                var f = fail[state];
                while (f != 0 && !next[f].ContainsKey(id)) f = fail[f];
                fail[to] = next[f].TryGetValue(id, out var target) && target != to ? target : 0;
                outputs[to].AddRange(outputs[fail[to]]);
                queue.Enqueue(to);
            }
    }

    /// <summary>Whether a run of ASCII letters and digits (any case) could be a word of some form, so that most words of
    /// a page are never copied or looked up: first a cheap test by length and first and last letters, which about three
    /// words in four fail, then one by a hash of the whole word, which nine in ten of the rest fail (measured on 20,000
    /// pages of a site with 424 people). Never false for a word some form has.</summary>
    public bool MayBeWord(ReadOnlySpan<char> run)
    {
        var shape = Shape(run);
        if ((shapes[shape >> 6] >> shape & 1) == 0) return false;
        var hash = Hash(run);
        return (hashes[hash >> 6] >> hash & 1) != 0;
    }

    const int ShapeBits = 15;
    const int HashBits = 16;

    /// <summary>A hash of the word with case folded (c | 0x20 lower-cases an ASCII letter and leaves a digit as it is), in
    /// <see cref="HashBits"/> bits: 8 KB of bits, about one in a hundred set by a thousand words.</summary>
    static int Hash(ReadOnlySpan<char> word)
    {
        var hash = 0u;
        foreach (var c in word) hash = (hash ^ (c | 0x20u)) * 16777619u;
        return (int)(hash >> (32 - HashBits));
    }

    /// <summary>A word's length and its first and last characters (their low five bits, so case does not matter) as one
    /// number: 4 KB of bits that few words of a page share with a name's words.</summary>
    static int Shape(ReadOnlySpan<char> word) => (Math.Min(word.Length, 31) << 10) | ((word[0] & 31) << 5) | (word[^1] & 31);

    /// <summary>The number of a folded word, or -1 when no form uses it.</summary>
    public int WordId(ReadOnlySpan<char> word) =>
        word.Length > MaxWord || !lookup.TryGetValue(word, out var id) ? -1 : id;

    /// <summary>Whether the word on its own is a withheld form (for parts of a word split by markup: Le&lt;b&gt;e&lt;/b&gt;).</summary>
    public bool IsWithheldWord(int id) => singleWithheld.Contains(id);

    public int Step(int state, int id)
    {
        if (id < 0) return 0;
        while (true)
        {
            if (next[state].TryGetValue(id, out var to)) return to;
            if (state == 0) return 0;
            state = fail[state];
        }
    }

    /// <summary>The forms (indexes into <see cref="Forms"/>) that end at this state.</summary>
    public List<int> Ending(int state) => outputs[state];
}
