using Ganss.Xss;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Raw HTML in content is allowed but sanitised (HtmlSanitizer, the library made for this): no scripts, event handlers,
/// frames, forms, styles or javascript:/data: URLs reach readers, so the site works under a strict Content-Security-Policy.
/// </summary>
public static class ContributedHtml
{
    static readonly HtmlSanitizer Sanitizer = Create();

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        foreach (var tag in new[] { "form", "input", "button", "select", "option", "textarea", "iframe", "frame", "style", "object", "embed", "link", "meta", "base" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        foreach (var attribute in new[] { "id", "class", "role", "aria-label", "aria-hidden", "aria-describedby", "datetime", "lang", "dir" })
            sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }
}
