using System.Collections.Concurrent;
using ImpactSite.Validate;

namespace ImpactSite.Load;

/// <summary>
/// Parsed front matter kept between builds (the preview), so a rebuild after one file changed parses that one file
/// again, not all of them. A file is parsed again when its length or modification time differs, or, once the watcher
/// has said which files changed (<see cref="Trust"/>), only when it is one of them: looking at every file costs more
/// than the rest of a rebuild. The problems its parsing found are kept with it and reported again, and the reused
/// document reports its later problems to the new build's diagnostics.
/// </summary>
public sealed class ParseCache
{
    sealed record Parsed(long Length, DateTime Modified, FrontMatterDocument Document, IReadOnlyList<Diagnostic> Problems);

    readonly ConcurrentDictionary<string, Parsed> parsed = new(StringComparer.Ordinal);
    IReadOnlySet<string>? changed;

    /// <summary>
    /// For the next build, takes every kept file as unchanged except these (input-relative paths); null looks at each
    /// file on disk again.
    /// </summary>
    public void Trust(IReadOnlySet<string>? changedOnly) => changed = changedOnly;

    /// <summary>Forgets files no longer in the input (deleted or renamed), so a long preview does not keep them.</summary>
    public void KeepOnly(Func<string, bool> inInput)
    {
        foreach (var path in parsed.Keys.Where(path => !inInput(path))) parsed.TryRemove(path, out _);
    }

    public FrontMatterDocument Parse(string root, string path, DiagnosticBag diagnostics, Func<DiagnosticBag, FrontMatterDocument> parse)
    {
        if (!parsed.TryGetValue(path, out var hit) || changed is null || changed.Contains(path))
        {
            var info = new FileInfo(Path.Combine(root, path));
            var (length, modified) = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
            if (hit is null || hit.Length != length || hit.Modified != modified || changed is not null)
            {
                var own = new DiagnosticBag();
                hit = new Parsed(length, modified, parse(own), own.Sorted());
                parsed[path] = hit;
            }
        }
        diagnostics.AddRange(hit.Problems);
        return hit.Document.ReportingTo(diagnostics);
    }
}
