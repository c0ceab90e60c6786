using HandlebarsDotNet;
using ImpactSite.Load;
using ImpactSite.Render.Pages;
using ImpactSite.Validate;

namespace ImpactSite.Render.Templates;

/// <summary>
/// A theme folder: layouts/*.hbs (one per page kind, plus base.hbs), partials/*.hbs and static/** files.
/// Templates are parsed and compiled once, then rendered for every page from any thread.
/// </summary>
public sealed class Theme
{
    /// <summary>Kinds rendered as whole documents rather than inside base.hbs.</summary>
    static readonly HashSet<string> Standalone = ["redirect"];

    readonly Dictionary<string, HandlebarsTemplate<object, object>> layouts = new(StringComparer.Ordinal);
    public string Root { get; }
    public IReadOnlyList<string> StaticFiles { get; }

    Theme(string root, IReadOnlyList<string> staticFiles)
    {
        Root = root;
        StaticFiles = staticFiles;
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
        if (!Directory.Exists(Path.Combine(root, "layouts")))
        {
            diagnostics.Add(new(Severity.Error, root, 1, 1, $"there is no theme here: expected a folder '{Path.Combine(root, "layouts")}' with base.hbs and a template per page kind. Use --theme to point at the theme folder.", OutsideInput: true));
            return null;
        }
        // One shared compiled configuration for every template: with one per template (Handlebars.Create), helper lookups
        // shared by layouts and partials re-subscribe under a write lock on every call, which serialised rendering.
        var handlebars = Handlebars.CreateSharedEnvironment(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        TemplateHelpers.Register(handlebars);
        var theme = new Theme(root, ThemeFiles.Under(Path.Combine(root, "static"), diagnostics));
        var partials = Path.Combine(root, "partials");
        foreach (var file in ThemeFiles.Under(partials, diagnostics, ".hbs").Where(f => !f.Contains('/')).Select(f => Path.Combine(partials, f)))
            Compile(file, diagnostics, source => handlebars.RegisterTemplate(Path.GetFileNameWithoutExtension(file), source));
        var layouts = Path.Combine(root, "layouts");
        foreach (var file in ThemeFiles.Under(layouts, diagnostics, ".hbs").Where(f => !f.Contains('/')).Select(f => Path.Combine(layouts, f)))
            Compile(file, diagnostics, source => theme.layouts[Path.GetFileNameWithoutExtension(file)] = handlebars.Compile(source));
        if (!theme.layouts.ContainsKey("base"))
            diagnostics.Add(new(Severity.Error, Path.Combine(root, "layouts", "base.hbs"), 1, 1, "the theme has no base.hbs: it wraps every page.", OutsideInput: true));
        return theme;
    }

    static void Compile(string file, DiagnosticBag diagnostics, Action<string> register)
    {
        try
        {
            register(File.ReadAllText(file));
        }
        catch (HandlebarsException e)
        {
            diagnostics.Add(new(Severity.Error, file, 1, 1, $"the template does not parse: {e.Message}", OutsideInput: true));
        }
    }

    public bool Has(string kind) => layouts.ContainsKey(kind);

    /// <summary>Renders a page: its kind's template, then base.hbs around it (unless the kind is a whole document).</summary>
    public string Render(PageView page)
    {
        var html = layouts[page.Kind](page, null);
        if (Standalone.Contains(page.Kind)) return html;
        page.Content = html;
        return layouts["base"](page, null);
    }
}
