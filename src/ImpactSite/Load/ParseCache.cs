using System.Collections.Concurrent;
using ImpactSite.Validate;

namespace ImpactSite.Load;

/// <summary>
/// Parsed front matter kept between builds (the preview), so a rebuild after one file changed parses that one file
/// again, not all of them. A file is parsed again when its length or modification time differs. The problems its
/// parsing found are kept with it and reported again, and the reused document reports its later problems to the new
/// build's diagnostics.
/// </summary>
public sealed class ParseCache
{
    sealed record Parsed(long Length, DateTime Modified, FrontMatterDocument Document, IReadOnlyList<Diagnostic> Problems);

    readonly ConcurrentDictionary<string, Parsed> parsed = new(StringComparer.Ordinal);

    public FrontMatterDocument Parse(string root, string path, DiagnosticBag diagnostics, Func<DiagnosticBag, FrontMatterDocument> parse)
    {
        var info = new FileInfo(Path.Combine(root, path));
        var (length, modified) = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
        if (!parsed.TryGetValue(path, out var hit) || hit.Length != length || hit.Modified != modified)
        {
            var own = new DiagnosticBag();
            hit = new Parsed(length, modified, parse(own), own.Sorted());
            parsed[path] = hit;
        }
        foreach (var problem in hit.Problems) diagnostics.Add(problem);
        return hit.Document.ReportingTo(diagnostics);
    }
}
