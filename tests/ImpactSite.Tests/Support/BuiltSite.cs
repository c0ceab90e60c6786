using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ImpactSite.Build;
using ImpactSite.Render;

namespace ImpactSite.Tests.Support;

/// <summary>A finished build, read the way a test reads a site: files by path, pages as AngleSharp documents.</summary>
public sealed class BuiltSite(BuildResult result)
{
    static readonly HtmlParser Parser = new();

    public BuildResult Result { get; } = result;
    public IReadOnlyDictionary<string, OutputFile> Files { get; } = result.Files.ToDictionary(f => f.Path);

    public bool Has(string path) => Files.ContainsKey(path);

    public string Text(string path) =>
        Files.TryGetValue(path, out var file) ? Encoding.UTF8.GetString(file.Content)
            : throw new Xunit.Sdk.XunitException($"{path} was not built. Built: {string.Join(", ", Files.Keys.Take(60))}");

    /// <summary>A page by its URL, e.g. "/studies/bridge/".</summary>
    public IDocument Page(string route) => Parser.ParseDocument(Text(RouteToPath(route)));

    /// <summary>The public pages (not /admin/, the browser editor's own pages).</summary>
    public IEnumerable<string> HtmlPaths => Files.Keys.Where(p => p.EndsWith(".html", StringComparison.Ordinal) && !p.StartsWith("admin/", StringComparison.Ordinal));

    public static string RouteToPath(string route) => ImpactSite.Content.Routes.PathOf(route);

    public string Errors => string.Join("\n", Result.Errors.Select(d => d.Format("input")));
}
