using Ganss.Xss;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Raw HTML in content is allowed but sanitised (HtmlSanitizer, the library made for this): no scripts, event handlers,
/// frames, media, forms, styles or javascript:/data: URLs reach readers, so the site works under a strict
/// Content-Security-Policy. Pictures from other sites are dropped too: they can track readers, and change after the
/// page was checked.
/// </summary>
public static class ContributedHtml
{
    static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>The allow-list every published piece of prose keeps to, whichever way it was made safe (for the tests).</summary>
    public static IEnumerable<string> AllowedTags => Sanitizer.AllowedTags;
    public static IEnumerable<string> AllowedAttributes => Sanitizer.AllowedAttributes;
    public static IEnumerable<string> AllowedSchemes => Sanitizer.AllowedSchemes;

    static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "keygen", "output",
                     "iframe", "frame", "style", "object", "embed", "link", "meta", "base", "html", "head", "body" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        // 'name' can shadow the page's own scripts' globals (DOM clobbering); the others are for forms, which are gone.
        foreach (var attribute in new[] { "style", "name", "action", "method", "enctype", "accept-charset", "autocomplete", "novalidate",
                     "formaction", "contenteditable", "accesskey", "dropzone", "draggable" })
            sanitizer.AllowedAttributes.Remove(attribute);
        sanitizer.AllowedCssProperties.Clear();
        foreach (var attribute in new[] { "id", "class", "role", "aria-label", "aria-hidden", "aria-describedby", "datetime", "lang", "dir" })
            sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowDataAttributes = false;
        sanitizer.FilterUrl += (_, e) =>
        {
            // A src (pictures) may only point into this site; links (href) may go anywhere with an allowed scheme.
            if (e.Tag.GetAttribute("src") == e.OriginalUrl && LinkResolver.IsOtherSite(e.OriginalUrl)) e.SanitizedUrl = null;
        };
        return sanitizer;
    }
}
