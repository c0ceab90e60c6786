using ImpactSite.Content;
using ImpactSite.Render;
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
        var key = Routes.PathOf(relative);
        if (Files.TryGetValue(key, out var content))
            return IsHtml(key) ? Html(200, Encoding.UTF8.GetString(content)) : new(200, content, OutputFormat.For(key).MediaType);
        if (!relative.EndsWith('/') && relative.Length > 0 && Files.ContainsKey(relative + "/index.html"))
            return Redirect(path + "/" + query);
        return NotFound();
    }

    PreviewResponse NotFound() =>
        Files is not null && Files.TryGetValue("404.html", out var page)
            ? Html(404, Encoding.UTF8.GetString(page))
            : new(404, "Not found.\n"u8.ToArray(), OutputFormat.For("404.txt").MediaType);

    PreviewResponse Html(int status, string page) =>
        new(status, Encoding.UTF8.GetBytes(PageInjector.Inject(page, this)), OutputFormat.For("page.html").MediaType);

    static PreviewResponse Redirect(string location) => new(302, [], OutputFormat.For("redirect.txt").MediaType, location);

    static bool IsHtml(string path) => OutputFormat.For(path).IsPage;
}
