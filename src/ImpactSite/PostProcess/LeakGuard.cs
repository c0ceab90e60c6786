using System.Buffers;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ImpactSite.Model;
using ImpactSite.Render;
using ImpactSite.Validate;

namespace ImpactSite.PostProcess;

/// <summary>
/// The last step of every build: no output file (page, feed, data, search index, image, PDF, anything) may contain the
/// stored name of someone who is not credited by name. A hit fails the build and names the output and the source.
/// Text is searched for each name as whole words, ignoring case and allowing any whitespace between its words, first as
/// written and then after decoding HTML/XML entities and JSON escapes; other files are searched as bytes in UTF-8 and
/// UTF-16, ignoring ASCII case. One pass per file finds every name, so the cost grows with the site, not with
/// files times names.
/// </summary>
public sealed partial class LeakGuard
{
    readonly NameMatcher names;
    readonly string inputRoot;
    readonly DiagnosticBag diagnostics;

    LeakGuard(IReadOnlyList<Person> withheld, string inputRoot, DiagnosticBag diagnostics)
    {
        names = new NameMatcher(withheld);
        this.inputRoot = inputRoot;
        this.diagnostics = diagnostics;
    }

    /// <summary>A guard for these people's withheld names, or null when nobody's name is withheld.</summary>
    public static LeakGuard? For(IEnumerable<Person> people, string inputRoot, DiagnosticBag diagnostics)
    {
        var withheld = people.Where(p => p.WithheldName is not null).ToList();
        return withheld.Count == 0 ? null : new LeakGuard(withheld, inputRoot, diagnostics);
    }

    public static void Run(IReadOnlyList<OutputFile> files, IEnumerable<Person> people, string inputRoot, DiagnosticBag diagnostics)
    {
        if (For(people, inputRoot, diagnostics) is { } guard) Parallel.ForEach(files, file => guard.Inspect(file));
    }

    /// <summary>Reports every withheld name in the file; true when there is none.</summary>
    public bool Inspect(OutputFile file)
    {
        IReadOnlyCollection<Person> found = OutputFormat.For(file.Path).IsText
            ? FindInText(file.Text ?? Encoding.UTF8.GetString(file.Content), names)
            : names.FindInBytes(file.Content);
        foreach (var person in found) Report(file, person);
        return found.Count == 0;
    }

    static HashSet<Person> FindInText(string text, NameMatcher names)
    {
        var found = names.Find(text);
        if (HasMeaningfulEscapes(text) || text.Contains("\\u", StringComparison.Ordinal)) found.UnionWith(names.Find(Decode(text)));
        return found;
    }

    /// <summary>
    /// Whether decoding could change what the name search finds. The escapes every page is full of (&amp;lt; &amp;gt;
    /// &amp;quot; &amp;#39; and &amp;amp; not followed by another escape) decode to punctuation, which neither is
    /// part of a name nor changes where a word starts or ends; anything else may spell a letter or a space.
    /// </summary>
    static bool HasMeaningfulEscapes(string text)
    {
        for (var at = text.IndexOf('&'); at >= 0; at = text.IndexOf('&', at + 1))
        {
            var rest = text.AsSpan(at);
            if (rest.StartsWith("&lt;") || rest.StartsWith("&gt;") || rest.StartsWith("&quot;") || rest.StartsWith("&#39;")) continue;
            if (rest.StartsWith("&amp;") && !(rest.Length > 5 && (rest[5] == '#' || char.IsAsciiLetter(rest[5])))) continue;
            return true;
        }
        return false;
    }

    static string Decode(string text)
    {
        if (text.Contains("\\u", StringComparison.Ordinal))
            text = JsonEscape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        text = WebUtility.HtmlDecode(text);
        // Feeds carry HTML inside XML, so entities may be encoded twice.
        return text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
    }

    void Report(OutputFile file, Person person)
    {
        var message = $"the withheld name of '{person.Id}' (credited as \"{person.Credit}\") would be published in /{file.Path}. " +
                      "Refer to people only by @id or their id in front matter, and remove the name from this file.";
        if (file.Source is { } source && SourceText.Locate(Path.Combine(inputRoot, source), person.Name!) is { } at)
            diagnostics.Error(source, at.Line, at.Column, message);
        else if (file.Source is { } src)
            diagnostics.Error(src, 1, 1, message);
        else
            diagnostics.Error(person.At, message + " (It came from the theme or a generated file.)");
    }

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Finds every withheld name in a text in one scan for the names' first words.</summary>
    sealed class NameMatcher
    {
        readonly SearchValues<string> firstWords;
        readonly Dictionary<string, List<(Person Person, string[] Words)>> byFirstWord = new(StringComparer.OrdinalIgnoreCase);
        readonly List<(Person Person, byte[][] Patterns)> binary = [];
        readonly int[] firstWordLengths;
        readonly Dictionary<string, List<(Person Person, string[] Words)>>.AlternateLookup<ReadOnlySpan<char>> lookup;

        public NameMatcher(IEnumerable<Person> people)
        {
            foreach (var person in people)
            {
                var words = Whitespace().Split(person.WithheldName!.Trim());
                if (!byFirstWord.TryGetValue(words[0], out var list)) byFirstWord[words[0]] = list = [];
                list.Add((person, words));
                var lowered = string.Join(' ', words).ToLowerInvariant();
                binary.Add((person, [Encoding.UTF8.GetBytes(lowered), Encoding.Unicode.GetBytes(lowered), Encoding.BigEndianUnicode.GetBytes(lowered)]));
            }
            firstWords = SearchValues.Create([.. byFirstWord.Keys], StringComparison.OrdinalIgnoreCase);
            firstWordLengths = [.. byFirstWord.Keys.Select(k => k.Length).Distinct()];
            lookup = byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public HashSet<Person> Find(string text)
        {
            var found = new HashSet<Person>();
            for (var start = 0; start < text.Length;)
            {
                var hit = text.AsSpan(start).IndexOfAny(firstWords);
                if (hit < 0) break;
                var at = start + hit;
                if (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
                    foreach (var length in firstWordLengths)
                        if (at + length <= text.Length && lookup.TryGetValue(text.AsSpan(at, length), out var candidates))
                            foreach (var (person, words) in candidates)
                                if (MatchesRest(text, at + length, words)) found.Add(person);
                start = at + 1;
            }
            return found;
        }

        /// <summary>The remaining words, each after at least one whitespace character, ending at a word boundary.</summary>
        static bool MatchesRest(string text, int position, string[] words)
        {
            for (var i = 1; i < words.Length; i++)
            {
                var gap = position;
                while (position < text.Length && char.IsWhiteSpace(text[position])) position++;
                if (position == gap || !text.AsSpan(position).StartsWith(words[i], StringComparison.OrdinalIgnoreCase)) return false;
                position += words[i].Length;
            }
            return position == text.Length || !char.IsLetterOrDigit(text[position]);
        }

        public IReadOnlyCollection<Person> FindInBytes(byte[] content)
        {
            var lowered = new byte[content.Length];
            for (var i = 0; i < content.Length; i++) lowered[i] = content[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(content[i] + 32) : content[i];
            return binary.Where(b => b.Patterns.Any(p => lowered.AsSpan().IndexOf(p) >= 0)).Select(b => b.Person).ToList();
        }
    }
}
