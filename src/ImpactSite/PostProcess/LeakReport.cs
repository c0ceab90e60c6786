using System.Collections.Concurrent;
using ImpactSite.Privacy;
using ImpactSite.Render;
using ImpactSite.Validate;
using ImpactSite.Content.People;

namespace ImpactSite.PostProcess;

/// <summary>
/// Turns the withheld names the guard found in output files into errors where a co-ordinator can fix them. A name in a
/// feed, the search index, a home page card or an evidence file came from some entry: the published sources are read
/// with the same matcher (only when something leaked, so a clean build pays nothing) and each place the name is written
/// is one error, listing the outputs it would reach. A name in an asset is reported at the asset, with the part of the
/// document it is in, at the line of a text file where it is written (where its encoded form starts). A name found in no source (the theme, a generated file) is reported at the output's source, or
/// at the person in people.yml. No message repeats the name, nor a part or address that holds it.
/// </summary>
public sealed class LeakReport(NameMatcher names, string inputRoot, IEnumerable<string> sources, DiagnosticBag diagnostics)
{
    const int OutputsListed = 3;

    readonly ConcurrentBag<(NameHit Hit, OutputFile File)> found = [];

    public void Found(NameHit hit, OutputFile file) => found.Add((hit, file));

    public void Write()
    {
        if (found.IsEmpty) return;
        var inAssets = found.Where(f => f.File.Source == f.File.Path).ToList();
        foreach (var group in inAssets.GroupBy(f => (f.File.Path, f.Hit.Form.Person)))
        {
            var parts = group.Select(f => f.Hit.Part).Distinct().Select(p => p is null ? "its text" : Redacted(p)).Order(StringComparer.Ordinal);
            // At the first place in a text file where the name is written, encoded or not (one name is often found both
            // in the raw text and decoded, at two places); a document's hits are at its start.
            var (line, column) = group.Select(f => (Math.Max(1, f.Hit.Line), Math.Max(1, f.Hit.Column))).Min();
            diagnostics.Error(group.Key.Path, line, column, $"{Who(group.Key.Person)} is in this file ({string.Join("; ", parts)}): " +
                "remove it from the file, its document properties and comments too, then add the file again.");
        }
        var elsewhere = found.Except(inAssets).GroupBy(f => f.Hit.Form.Person).ToDictionary(g => g.Key, g => g.Select(f => f.File).DistinctBy(f => f.Path).OrderBy(f => f.Path, StringComparer.Ordinal).ToList());
        if (elsewhere.Count == 0) return;
        var typed = WhereTyped(elsewhere.Keys.ToHashSet());
        foreach (var (person, files) in elsewhere)
        {
            if (typed.TryGetValue(person, out var places))
            {
                // The outputs made from the file where it was typed first: its own page, then the lists, feeds and data.
                foreach (var at in places)
                    diagnostics.Error(at, $"{Who(person)} is written here, and would be published in {Listed(files.OrderBy(f => f.Source != at.Path).Select(f => f.Path))}. " +
                        $"Refer to people only by @{person.Id} (or their id in front matter), and remove the name.");
                continue;
            }
            foreach (var file in files)
            {
                var message = $"{Who(person)} would be published in /{Redacted(file.Path)}.";
                if (file.Source is { } source) diagnostics.Error(source, 1, 1, message + " Remove it from this file or what it shows.");
                else diagnostics.Error(person.At, message + " It came from the theme or a generated file: check the theme's layouts for a stored name.");
            }
        }
    }

    static string Who(Person person) => $"the withheld name of '{person.Id}' (credited as \"{person.Credit}\")";

    string Listed(IEnumerable<string> paths)
    {
        var all = paths.Select(p => "/" + Redacted(p)).ToList();
        return all.Count <= OutputsListed ? string.Join(", ", all) : $"{string.Join(", ", all.Take(OutputsListed))} and {all.Count - OutputsListed} more";
    }

    /// <summary>Each published source read for the names of these people: where each is written (line and column).</summary>
    Dictionary<Person, List<SourceLocation>> WhereTyped(HashSet<Person> people)
    {
        var typed = new ConcurrentDictionary<Person, ConcurrentBag<SourceLocation>>();
        Parallel.ForEach(sources, source =>
        {
            if (TextPosition.Read(inputRoot, source) is not { } text) return;
            var scan = new NameScan(names);
            scan.Read(text, DocumentText.MarkupOf(source));
            DocumentText.ReadDataAddresses(text, scan);
            foreach (var hit in scan.Hits.Where(h => h.Form.Kind == FormKind.Withheld && people.Contains(h.Form.Person)))
                typed.GetOrAdd(hit.Form.Person, _ => []).Add(hit.Line > 0 ? new SourceLocation(source, hit.Line, hit.Column) : TextPosition.Of(source, text, hit.Offset));
        });
        return typed.ToDictionary(t => t.Key, t => t.Value.Distinct().OrderBy(l => l.Path, StringComparer.Ordinal).ThenBy(l => l.Line).ThenBy(l => l.Column).ToList());
    }

    /// <summary>A path or part name with each '/'-separated piece that holds a withheld name replaced by "…".</summary>
    public string Redacted(string text)
    {
        var scan = new NameScan(names);
        scan.Read(text, Markup.None);
        var offsets = scan.Hits.Where(h => h.Form.Kind == FormKind.Withheld).Select(h => h.Offset).ToList();
        if (offsets.Count == 0) return text;
        var pieces = text.Split('/');
        var start = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            var end = start + pieces[i].Length;
            if (offsets.Any(o => o >= start && o <= end)) pieces[i] = "…";
            start = end + 1;
        }
        return pieces.Contains("…") ? string.Join('/', pieces) : "…";
    }
}
