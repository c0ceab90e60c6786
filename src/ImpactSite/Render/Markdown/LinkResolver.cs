using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Turns the relative links co-ordinators write ("../meetings/2025-03-12-leap-north.md", "../../assets/x.png")
/// into the published URLs, and reports links to nothing. Links never resolve outside the input folder.
/// </summary>
public sealed class LinkResolver(SiteGraph graph)
{
    readonly HashSet<string> assets = new(graph.Assets, StringComparer.Ordinal);

    public sealed record Result(string? Url, string? Problem, string? Warning = null);

    static readonly string[] SafeSchemes = ["http", "https", "mailto", "tel"];

    public Result Resolve(string url, string sourcePath)
    {
        if (url.Length == 0 || url.StartsWith('#')) return new(url, null);
        if (Scheme(url) is { } scheme)
            return SafeSchemes.Contains(scheme.ToLowerInvariant()) ? new(url, null)
                : new(null, null, $"the link '{Shorten(url)}' uses '{scheme}:', which is not allowed on the public site, so it was removed: links must start with http:, https:, mailto: or tel:.");
        if (url.StartsWith("//", StringComparison.Ordinal)) return new(url, null);
        if (url.StartsWith('/')) return new(graph.Site.Href(url), null);

        var (path, fragment) = SplitFragment(url);
        var target = Normalise(sourcePath, Uri.UnescapeDataString(path));
        if (target is null)
            return new(null, $"the link '{url}' points outside the input folder: link to a page or a file under assets/ instead.");
        if (target.EndsWith(".md", StringComparison.Ordinal))
        {
            if (graph.BySource.TryGetValue(target, out var entry)) return new(entry.Url + fragment, null);
            if (graph.LeftOutDrafts.Contains(target))
                return new(null, $"the link '{url}' goes to a draft ({target}), which is not published: remove 'draft: true' there, or remove the link.");
            return new(null, graph.InputFiles.Contains(target)
                ? $"the link '{url}' goes to {target}, which has errors (listed for that file, or for its study's index.md), so it cannot be published: fix those errors and this link will work."
                : $"the link '{url}' goes to {target}, which does not exist: check the file name and the '../' steps.{Hint(target)}");
        }
        if (assets.Contains(target)) return new(graph.Site.Href(target) + fragment, null);
        return new(null, target.StartsWith("assets/", StringComparison.Ordinal)
            ? $"the link '{url}' goes to {target}, which does not exist: check the file name under assets/."
            : $"the link '{url}' goes to {target}, which is not published: link to a .md page, or put the file under assets/.");
    }

    /// <summary>Whether a (resolved) URL is on another site: it has a scheme, or starts with "//".</summary>
    public static bool IsOtherSite(string url) => Scheme(url) is not null || url.StartsWith("//", StringComparison.Ordinal);

    string Hint(string target)
    {
        var folder = target[..(target.LastIndexOf('/') + 1)];
        var near = graph.BySource.Keys.Where(k => k.StartsWith(folder, StringComparison.Ordinal)).ToList();
        return Suggestions.Closest(target, near) is { } hint ? $" Did you mean '{hint}'?" : "";
    }

    /// <summary>The URL's scheme (ignoring the tabs and newlines browsers also ignore), or null for a relative link.</summary>
    static string? Scheme(string url)
    {
        var cleaned = string.Concat(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)));
        var colon = cleaned.IndexOf(':');
        var slash = cleaned.IndexOf('/');
        if (colon <= 0 || (slash >= 0 && slash < colon) || !char.IsAsciiLetter(cleaned[0])) return null;
        var scheme = cleaned[..colon];
        return scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme : null;
    }

    static string Shorten(string url) => url.Length > 40 ? url[..40] + "…" : url;

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
