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
        foreach (var tag in new[] { "form", "button", "select", "option", "textarea", "iframe", "frame", "style", "object", "embed", "link", "meta", "base" })
            sanitizer.AllowedTags.Remove(tag);
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        foreach (var attribute in new[] { "id", "class", "role", "aria-label", "aria-hidden", "aria-describedby", "datetime", "lang", "dir" })
            sanitizer.AllowedAttributes.Add(attribute);
        foreach (var attribute in new[] { "type", "disabled", "checked" }) sanitizer.AllowedAttributes.Add(attribute);
        sanitizer.AllowDataAttributes = false;
        // Markdig's task lists are the one use of <input>: keep read-only checkboxes, drop any other control.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlInputElement input && !(input.Type == "checkbox" && input.IsDisabled))
                input.Remove();
        };
        return sanitizer;
    }
}
