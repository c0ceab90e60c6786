using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;
using ImpactSite.Load;
using ImpactSite.Render.Pages;
using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Render.Templates;

/// <summary>
/// A theme folder: layouts/*.liquid (one per page view, plus base.liquid), partials/*.liquid and static/** files.
/// Every template is parsed once and checked against the view it renders (<see cref="LayoutChecker"/>), then rendered
/// for every page from any thread. Output is HTML-escaped unless a layout prints sanitised HTML with <c>| raw</c>.
/// </summary>
public sealed partial class Theme
{
    const string Extension = ".liquid";
    static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    /// <summary>Escapes what HTML needs escaped and leaves every other character as it is (no &amp;#x2013; for a dash).</summary>
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    readonly Dictionary<string, IFluidTemplate> layouts = new(StringComparer.Ordinal);
    readonly TemplateOptions options = new() { MaxRecursion = 20 };
    public string Root { get; }
    public IReadOnlyList<string> StaticFiles { get; }

    Theme(string root, IReadOnlyList<string> staticFiles, IReadOnlyDictionary<string, ThemeTemplate> partials)
    {
        Root = root;
        StaticFiles = staticFiles;
        TemplateModel.Configure(options);
        TemplateFilters.Register(options);
        RenderBuffer.PassThroughRaw(options);
        options.FileProvider = new PartialFiles(partials);
    }

    /// <summary>The theme, or null when it has errors (reported). Only the theme's own errors count: it loads while the
    /// content is read into the same diagnostics, and content errors must not decide whether pages are planned.</summary>
    public static Theme? Load(string root, DiagnosticBag diagnostics)
    {
        var own = new DiagnosticBag();
        var theme = Compile(root, own);
        diagnostics.AddRange(own.Sorted());
        return own.HasErrors ? null : theme;
    }

    static Theme? Compile(string root, DiagnosticBag diagnostics)
    {
        var layoutsFolder = Path.Combine(root, "layouts");
        if (!Directory.Exists(layoutsFolder))
        {
            diagnostics.Add(new(Severity.Error, root, 1, 1, $"there is no theme here: expected a folder '{layoutsFolder}' with base{Extension} and a layout per page kind. Use --theme to point at the theme folder.", OutsideInput: true));
            return null;
        }
        var partials = ParseFolder(Path.Combine(root, "partials"), diagnostics);
        var layouts = ParseFolder(layoutsFolder, diagnostics);
        var staticRoot = Path.Combine(root, "static");
        var theme = new Theme(root, ThemeFiles.Under(staticRoot, diagnostics), partials);

        var checker = new LayoutChecker(partials, diagnostics);
        foreach (var (name, view) in PageViews.ByLayout.Append(new(PageViews.Base, typeof(PageView))))
        {
            if (!layouts.TryGetValue(name, out var layout))
            {
                if (File.Exists(Path.Combine(layoutsFolder, name + Extension))) continue; // it does not parse: reported
                diagnostics.Add(new(Severity.Error, Path.Combine(layoutsFolder, name + Extension), 1, 1,
                    $"the theme has no layout for {(name == PageViews.Base ? "the frame around every page" : $"'{name}' pages")}: add layouts/{name}{Extension}.", OutsideInput: true));
                continue;
            }
            var names = new Dictionary<string, Type> { ["page"] = view, ["site"] = typeof(SiteView) };
            if (name == PageViews.Base) names["content"] = typeof(SafeHtml);
            checker.Check(layout, names);
            theme.layouts[name] = layout.Template;
        }
        foreach (var unused in layouts.Keys.Where(k => k != PageViews.Base && !PageViews.ByLayout.ContainsKey(k)))
            diagnostics.Add(new(Severity.Error, layouts[unused].Path, 1, 1,
                $"no page uses layouts/{unused}{Extension}: the page layouts are {string.Join(", ", PageViews.ByLayout.Keys.Order(StringComparer.Ordinal))} and base. Rename it, or move it to partials/.{Suggestions.DidYouMean(unused, PageViews.ByLayout.Keys)}", OutsideInput: true));
        return theme;
    }

    static Dictionary<string, ThemeTemplate> ParseFolder(string folder, DiagnosticBag diagnostics)
    {
        var parsed = new Dictionary<string, ThemeTemplate>(StringComparer.Ordinal);
        // Links, pipes and devices are refused (reported) and never read, as in the input.
        foreach (var file in ThemeFiles.Under(folder, diagnostics).Where(f => !f.Contains('/')).Select(f => Path.Combine(folder, f)))
        {
            if (!file.EndsWith(Extension, StringComparison.Ordinal))
            {
                if (Path.GetExtension(file) is ".hbs" or ".html")
                    diagnostics.Add(new(Severity.Error, file, 1, 1, $"layouts are Liquid files now: rename it to {Path.GetFileNameWithoutExtension(file)}{Extension} and write it in Liquid (docs/theme.md).", OutsideInput: true));
                continue;
            }
            var text = File.ReadAllText(file);
            if (Parser.TryParse(text, out var template, out var error))
                parsed[Path.GetFileNameWithoutExtension(file)] = new(Path.GetFileNameWithoutExtension(file), file, text, template);
            else
            {
                var at = ErrorPosition().Match(error ?? "");
                diagnostics.Add(new(Severity.Error, file, at.Success ? int.Parse(at.Groups[1].Value) : 1, at.Success ? int.Parse(at.Groups[2].Value) : 1,
                    $"the template does not parse: {error}", OutsideInput: true));
            }
        }
        return parsed;
    }

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex ErrorPosition();

    /// <summary>Renders a page: its layout, then base.liquid around it (unless the layout is a whole document).</summary>
    public string Render(PageView page)
    {
        var context = new TemplateContext(options);
        context.SetValue("page", page);
        context.SetValue("site", page.Site);
        var own = RenderBuffer.ForLayout();
        own.Render(layouts[page.Kind], context, Encoder);
        if (PageViews.Standalone.Contains(page.Kind)) return own.ToString();
        context.SetValue("content", own.AsHtml());
        var whole = RenderBuffer.ForPage();
        whole.Render(layouts[PageViews.Base], context, Encoder);
        return whole.ToString();
    }

    /// <summary>Renders a snippet of Liquid with this theme's filters (the filter examples in docs and tests).</summary>
    public static string RenderSnippet(string liquid, Action<TemplateContext> values)
    {
        var options = new TemplateOptions();
        TemplateModel.Configure(options);
        TemplateFilters.Register(options);
        var context = new TemplateContext(options);
        values(context);
        return Parser.Parse(liquid).Render(context, Encoder);
    }

    /// <summary>The partials, for Liquid's render tag. It asks the file provider for a partial each time one is rendered
    /// (hundreds of times on a long page) and parses it only the first time, so each file is made once, here.</summary>
    sealed class PartialFiles(IReadOnlyDictionary<string, ThemeTemplate> partials) : IFileProvider
    {
        readonly Dictionary<string, Partial> files = partials.ToDictionary(p => p.Key, p => new Partial(p.Value), StringComparer.Ordinal);

        public IFileInfo GetFileInfo(string subpath) =>
            files.TryGetValue(Path.GetFileNameWithoutExtension(subpath), out var partial) ? partial : new NotFoundFileInfo(subpath);

        public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;
        public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

        sealed class Partial(ThemeTemplate template) : IFileInfo
        {
            readonly byte[] bytes = System.Text.Encoding.UTF8.GetBytes(template.Text);
            public bool Exists => true;
            public long Length => bytes.Length;
            public string? PhysicalPath => null;
            public string Name => template.Name + Extension;
            public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
            public bool IsDirectory => false;
            public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
        }
    }
}

/// <summary>The type of 'content' in base.liquid, for the checker: the page's own HTML, already made safe.</summary>
public sealed class SafeHtml;
