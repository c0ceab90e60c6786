using System.Globalization;
using System.Text;

namespace ImpactSite.Corpus;

/// <summary>
/// impactsite-corpus --entries N --out DIR [--seed 1]
///
/// Writes a synthetic input folder that follows shared/content-contract.md (DIR), and the same markdown bodies with
/// plain front matter (title, date) for Hugo (DIR-hugo/content/...) and Eleventy (DIR-eleventy/...). Everything is
/// deterministic for a given (entries, seed); all names are invented from syllables.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        int? entries = null;
        string? output = null;
        var seed = 1;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--entries" when i + 1 < args.Length: entries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"unknown argument '{args[i]}'");
                    return Usage();
            }
        }
        if (entries is null || output is null || entries < 10) return Usage();

        var plan = CorpusPlan.Create(entries.Value, seed);
        var writer = new CorpusWriter(plan, Path.GetFullPath(output));
        writer.WriteAll();
        Console.WriteLine($"Wrote {plan.EntryCount} entries ({plan.Studies.Count} studies, {plan.MeetingCount} meetings, " +
                          $"{plan.DecisionCount} decisions, {plan.Posts.Count} posts, {plan.Pages.Count} pages, {plan.People.Count} people) " +
                          $"to {output}, {output}-hugo and {output}-eleventy.");
        return 0;
    }

    static int Usage()
    {
        Console.Error.WriteLine("usage: impactsite-corpus --entries N (at least 10) --out DIR [--seed 1]");
        return 2;
    }
}

static class Text
{
    public static readonly CultureInfo C = CultureInfo.InvariantCulture;
    public static string D(DateOnly d) => d.ToString("yyyy-MM-dd", C);
    public static string Q(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>A folded YAML block (<c>&gt;-</c>) indented under a key.</summary>
    public static string Folded(string key, string text, int indent = 0)
    {
        var pad = new string(' ', indent);
        var sb = new StringBuilder().Append(pad).Append(key).Append(": >-\n");
        foreach (var line in Wrap(text, 76)) sb.Append(pad).Append("  ").Append(line).Append('\n');
        return sb.ToString();
    }

    /// <summary>A literal YAML block (<c>|</c>) for multi-paragraph markdown.</summary>
    public static string Literal(string key, string text)
    {
        var sb = new StringBuilder().Append(key).Append(": |\n");
        foreach (var line in text.Split('\n')) sb.Append(line.Length == 0 ? "" : "  " + line).Append('\n');
        return sb.ToString();
    }

    public static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    public static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
