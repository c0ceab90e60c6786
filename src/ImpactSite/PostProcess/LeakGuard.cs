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
/// Text is searched for the name as whole words, after decoding HTML/XML entities and JSON escapes and folding case and
/// whitespace; other files are searched as bytes in UTF-8 and UTF-16, ignoring ASCII case.
/// </summary>
public static partial class LeakGuard
{
    static readonly HashSet<string> TextExtensions = [".html", ".xml", ".json", ".csv", ".txt", ".js", ".css", ".svg", ".md", ".webmanifest", ""];

    public static void Run(IReadOnlyList<OutputFile> files, IEnumerable<Person> people, string inputRoot, DiagnosticBag diagnostics)
    {
        var withheld = people.Where(p => p.WithheldName is not null).Select(p => new Secret(p)).ToList();
        if (withheld.Count == 0) return;
        Parallel.ForEach(files, file =>
        {
            var text = TextExtensions.Contains(Path.GetExtension(file.Path)) ? Normalise(Encoding.UTF8.GetString(file.Content)) : null;
            foreach (var secret in withheld)
                if (text is not null ? secret.IsIn(text) : secret.IsIn(file.Content))
                    Report(file, secret.Person, inputRoot, diagnostics);
        });
    }

    static void Report(OutputFile file, Person person, string inputRoot, DiagnosticBag diagnostics)
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

    static string Normalise(string text)
    {
        if (text.Contains('\\')) text = JsonEscape().Replace(text, m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        if (text.Contains('&')) text = WebUtility.HtmlDecode(WebUtility.HtmlDecode(text));
        return Whitespace().Replace(text, " ");
    }

    [GeneratedRegex(@"\\u([0-9a-fA-F]{4})")]
    private static partial Regex JsonEscape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    sealed class Secret(Person person)
    {
        public Person Person { get; } = person;
        public string Folded { get; } = Whitespace().Replace(person.WithheldName!.Trim(), " ");
        readonly byte[][] patterns =
        [
            Encoding.UTF8.GetBytes(person.WithheldName!.ToLowerInvariant()),
            Encoding.Unicode.GetBytes(person.WithheldName!.ToLowerInvariant()),
            Encoding.BigEndianUnicode.GetBytes(person.WithheldName!.ToLowerInvariant()),
        ];

        /// <summary>The name as a whole word or words, so a short name such as "Ann" does not match "annual".</summary>
        public bool IsIn(string text)
        {
            for (var at = text.IndexOf(Folded, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(Folded, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + Folded.Length;
                if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                    return true;
            }
            return false;
        }

        public bool IsIn(byte[] content)
        {
            var lowered = new byte[content.Length];
            for (var i = 0; i < content.Length; i++) lowered[i] = content[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(content[i] + 32) : content[i];
            return patterns.Any(p => lowered.AsSpan().IndexOf(p) >= 0);
        }
    }
}
