using System.Collections;
using System.Collections.Concurrent;
using ImpactSite.PostProcess;
using ImpactSite.Validate;
using ImpactSite.Build;
using ImpactSite.Content;

namespace ImpactSite.Preview;

/// <summary>
/// The files of a planned site, each made the first time it is asked for and kept: after an edit the preview serves
/// the page being looked at without making the other thousands first. A file holding a withheld name is never served
/// (the full check that follows every build reports it).
/// </summary>
public sealed class PlannedFiles(SitePlan plan, LeakGuard leaks) : IReadOnlyDictionary<string, byte[]>
{
    readonly ConcurrentDictionary<string, Lazy<byte[]?>> made = new(StringComparer.Ordinal);

    /// <summary>A guard whose reports go nowhere: here it only decides what is served.</summary>
    public static LeakGuard GuardFor(Content.SiteGraph graph) => LeakGuard.For(graph, new DiagnosticBag());

    public bool TryGetValue(string key, out byte[] value)
    {
        value = [];
        if (!plan.Files.TryGetValue(key, out var file)) return false;
        if (made.GetOrAdd(key, _ => new Lazy<byte[]?>(() => Make(file))).Value is not { } bytes) return false;
        value = bytes;
        return true;
    }

    byte[]? Make(PlannedFile file)
    {
        var output = file.Make();
        return leaks.Inspect(output) ? output.Content : null;
    }

    public byte[] this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);
    public bool ContainsKey(string key) => plan.Files.ContainsKey(key);
    public int Count => plan.Files.Count;
    public IEnumerable<string> Keys => plan.Files.Keys;
    public IEnumerable<byte[]> Values => Keys.Select(k => this[k]);

    public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() =>
        Keys.Select(k => new KeyValuePair<string, byte[]>(k, this[k])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
