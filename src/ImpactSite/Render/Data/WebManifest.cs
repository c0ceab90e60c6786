using System.Text.Json;
using System.Text.Json.Nodes;
using ImpactSite.Content;
using ImpactSite.Content.Settings;

namespace ImpactSite.Render.Data;

/// <summary>
/// /site.webmanifest: the site's name, colours and icons, for a phone's "add to home screen". Made from site.yml, so it
/// names this site, not the theme; the icons are the theme's (static/favicon.svg, icon-192.png, icon-512.png).
/// </summary>
public static class WebManifest
{
    /// <summary>Written from a JSON tree (JsonText), as the native executable has no reflection-based serialiser.</summary>
    public static byte[] Write(SiteSettings site) => JsonText.Utf8(new JsonObject
    {
        ["name"] = site.Title,
        ["short_name"] = site.Title.Length <= 12 ? site.Title : site.Title.Split(' ')[0],
        ["description"] = site.Description ?? site.Title,
        ["lang"] = site.Language,
        ["start_url"] = site.Href(Routes.Home),
        ["scope"] = site.Href(Routes.Home),
        ["display"] = "browser",
        ["background_color"] = "#ffffff",
        ["theme_color"] = "#0b0c0c",
        ["icons"] = new JsonArray(
            Icon(site.Href("/theme/favicon.svg"), "image/svg+xml", "any"),
            Icon(site.Href("/theme/icon-192.png"), "image/png", "192x192"),
            Icon(site.Href("/theme/icon-512.png"), "image/png", "512x512")),
    }, new JsonWriterOptions { Indented = true });

    static JsonObject Icon(string src, string type, string sizes) => new() { ["src"] = src, ["type"] = type, ["sizes"] = sizes };
}
