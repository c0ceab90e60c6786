namespace ImpactSite.Render;

/// <summary>
/// A kind of file the site publishes, as data (as Hugo keeps its output formats): its extension, the media type it is
/// served with, whether it is text (read as characters by the checks) and whether it is a page (checked for structure and
/// links). The leak guard, the HTML checks, the preview server and the tests' static server all read this one table.
/// </summary>
public sealed record OutputFormat(string Name, string Extension, string MediaType, bool IsText, bool IsPage = false)
{
    public static readonly IReadOnlyList<OutputFormat> All =
    [
        new("HTML page", ".html", "text/html; charset=utf-8", IsText: true, IsPage: true),
        new("HTML page", ".htm", "text/html; charset=utf-8", IsText: true, IsPage: true),
        new("stylesheet", ".css", "text/css; charset=utf-8", IsText: true),
        new("script", ".js", "text/javascript; charset=utf-8", IsText: true),
        new("script", ".mjs", "text/javascript; charset=utf-8", IsText: true),
        new("JSON data", ".json", "application/json; charset=utf-8", IsText: true),
        new("web manifest", ".webmanifest", "application/manifest+json; charset=utf-8", IsText: true),
        new("XML (feeds, sitemap)", ".xml", "application/xml; charset=utf-8", IsText: true),
        new("CSV data", ".csv", "text/csv; charset=utf-8", IsText: true),
        new("plain text", ".txt", "text/plain; charset=utf-8", IsText: true),
        new("markdown", ".md", "text/plain; charset=utf-8", IsText: true),
        new("YAML", ".yml", "text/yaml; charset=utf-8", IsText: true),
        new("SVG picture", ".svg", "image/svg+xml", IsText: true),
        new("PNG picture", ".png", "image/png", IsText: false),
        new("JPEG picture", ".jpg", "image/jpeg", IsText: false),
        new("JPEG picture", ".jpeg", "image/jpeg", IsText: false),
        new("GIF picture", ".gif", "image/gif", IsText: false),
        new("WebP picture", ".webp", "image/webp", IsText: false),
        new("AVIF picture", ".avif", "image/avif", IsText: false),
        new("icon", ".ico", "image/x-icon", IsText: false),
        new("PDF document", ".pdf", "application/pdf", IsText: false),
        new("web font", ".woff2", "font/woff2", IsText: false),
        new("web font", ".woff", "font/woff", IsText: false),
    ];

    /// <summary>A file without an extension (such as _redirects) is text; one of a kind not listed is bytes.</summary>
    static readonly OutputFormat ExtensionLess = new("plain text", "", "text/plain; charset=utf-8", IsText: true);
    static readonly OutputFormat Unknown = new("file", "", "application/octet-stream", IsText: false);

    static readonly Dictionary<string, OutputFormat> ByExtension =
        All.ToDictionary(f => f.Extension, StringComparer.OrdinalIgnoreCase);

    public static OutputFormat For(string path) => Path.GetExtension(path) is { Length: 0 } ? ExtensionLess
        : ByExtension.GetValueOrDefault(Path.GetExtension(path), Unknown);
}
