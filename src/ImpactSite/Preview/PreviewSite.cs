using System.Text;

namespace ImpactSite.Preview;

/// <summary>What the preview server answers to one request: a status, a body, and either a content type or a redirect.</summary>
public sealed record PreviewResponse(int Status, byte[] Body, string ContentType, string? Location = null);

/// <summary>
/// One immutable snapshot of what the preview serves: the files of the last good build (output-relative path -> bytes,
/// null before any build has succeeded), the errors of the latest build (empty when it succeeded), and a token that
/// changes with every build, so an open page can tell it is out of date. The server swaps whole snapshots, so a request
/// sees one build or the next, never half of each.
/// </summary>
public sealed class PreviewSite
{
    public const string ToolPrefix = "/__impactsite/";

    public PreviewSite(IReadOnlyDictionary<string, byte[]>? files, string basePath, IReadOnlyList<string> errors, string build)
    {
        Files = files;
        BasePath = basePath.EndsWith('/') ? basePath : basePath + "/";
        Errors = errors;
        Build = build;
    }

    /// <summary>The last good site, or null when no build has succeeded yet. Never changed once given (files may be made
    /// when first asked for: <see cref="PlannedFiles"/>).</summary>
    public IReadOnlyDictionary<string, byte[]>? Files { get; }
    /// <summary>The path of base_url ("/" for most sites): the site is served under it, as it will be when published.</summary>
    public string BasePath { get; }
    /// <summary>The latest build's errors, each formatted as <c>path:line:col: error: message</c>.</summary>
    public IReadOnlyList<string> Errors { get; }
    public string Build { get; }

    /// <summary>The same files with a newer build's errors: a failed build keeps the last good site on show.</summary>
    public PreviewSite WithErrors(IReadOnlyList<string> errors, string build) => new(this, errors, build);

    PreviewSite(PreviewSite previous, IReadOnlyList<string> errors, string build)
    {
        Files = previous.Files;
        BasePath = previous.BasePath;
        Errors = errors;
        Build = build;
    }

    /// <summary>
    /// Clean URLs, as static hosts serve them: "/x/" is x/index.html, "/x" redirects to "/x/" when that page exists,
    /// anything else missing is 404.html with status 404. HTML pages get the reload script (and the error banner).
    /// </summary>
    public PreviewResponse Respond(string path, string query = "")
    {
        if (path.Length == 0 || path[0] != '/') path = "/" + path;
        if (Files is null) return Html(500, PageInjector.ErrorPage);

        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            // Outside base_url's path: "/" and "/ppi" lead to the site's home, anything else is not part of the site.
            return path == "/" || path + "/" == BasePath ? Redirect(BasePath + query) : NotFound();
        }
        var relative = path[BasePath.Length..];
        var key = relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
        if (Files.TryGetValue(key, out var content))
            return IsHtml(key) ? Html(200, Encoding.UTF8.GetString(content)) : new(200, content, ContentTypes.For(key));
        if (!relative.EndsWith('/') && relative.Length > 0 && Files.ContainsKey(relative + "/index.html"))
            return Redirect(path + "/" + query);
        return NotFound();
    }

    PreviewResponse NotFound() =>
        Files is not null && Files.TryGetValue("404.html", out var page)
            ? Html(404, Encoding.UTF8.GetString(page))
            : new(404, "Not found.\n"u8.ToArray(), ContentTypes.For("404.txt"));

    PreviewResponse Html(int status, string page) =>
        new(status, Encoding.UTF8.GetBytes(PageInjector.Inject(page, this)), ContentTypes.For("page.html"));

    static PreviewResponse Redirect(string location) => new(302, [], ContentTypes.For("redirect.txt"), location);

    static bool IsHtml(string path) => path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Content types by file extension, for the files a site built by ImpactSite holds.</summary>
public static class ContentTypes
{
    static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".xml"] = "application/xml; charset=utf-8",
        [".yml"] = "text/yaml; charset=utf-8", // the browser editor's config.yml
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".svg"] = "image/svg+xml",
        [".ico"] = "image/x-icon",
        [".csv"] = "text/csv; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".md"] = "text/plain; charset=utf-8",
        [".pdf"] = "application/pdf",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
    };

    public static string For(string path) =>
        ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : "application/octet-stream";
}
