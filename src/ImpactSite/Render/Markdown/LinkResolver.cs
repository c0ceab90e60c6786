using ImpactSite.Model;
using ImpactSite.Validate;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Turns the relative links co-ordinators write ("../meetings/2025-03-12-leap-north.md", "../../assets/x.png")
/// into the published URLs, and reports links to nothing. Links never resolve outside the input folder.
/// </summary>
public sealed class LinkResolver(SiteGraph graph)
{
    readonly HashSet<string> assets = new(graph.Assets, StringComparer.Ordinal);

    public sealed record Result(string? Url, string? Problem);

    public Result Resolve(string url, string sourcePath)
    {
        if (url.Length == 0 || url.StartsWith('#') || HasScheme(url)) return new(url, null);
        if (url.StartsWith("//", StringComparison.Ordinal)) return new(url, null);
        if (url.StartsWith('/')) return new(graph.Site.Href(url), null);

        var (path, fragment) = SplitFragment(url);
        var target = Normalise(sourcePath, Uri.UnescapeDataString(path));
        if (target is null)
            return new(null, $"the link '{url}' points outside the input folder: link to a page or a file under assets/ instead.");
        if (target.EndsWith(".md", StringComparison.Ordinal))
        {
            if (graph.BySource.TryGetValue(target, out var entry)) return new(entry.Url + fragment, null);
            return new(null, graph.LeftOutDrafts.Contains(target)
                ? $"the link '{url}' goes to a draft ({target}), which is not published: remove 'draft: true' there, or remove the link."
                : $"the link '{url}' goes to {target}, which does not exist: check the file name and the '../' steps.{Hint(target)}");
        }
        if (assets.Contains(target)) return new(graph.Site.Href(target) + fragment, null);
        return new(null, target.StartsWith("assets/", StringComparison.Ordinal)
            ? $"the link '{url}' goes to {target}, which does not exist: check the file name under assets/."
            : $"the link '{url}' goes to {target}, which is not published: link to a .md page, or put the file under assets/.");
    }

    string Hint(string target)
    {
        var folder = target[..(target.LastIndexOf('/') + 1)];
        var near = graph.BySource.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal)).ToList();
        return Suggestions.Closest(target, near) is { } hint ? $" Did you mean '{hint}'?" : "";
    }

    static bool HasScheme(string url)
    {
        var colon = url.IndexOf(':');
        return colon > 0 && url[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') && char.IsAsciiLetter(url[0]);
    }

    static (string Path, string Fragment) SplitFragment(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? (url, "") : (url[..hash], url[hash..]);
    }

    /// <summary>Resolves a relative path against the linking file's folder; null when it climbs out of the input folder.</summary>
    static string? Normalise(string sourcePath, string relative)
    {
        var parts = new List<string>(sourcePath.Split('/')[..^1]);
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
