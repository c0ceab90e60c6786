using System.Text.Json;
using ImpactSite.Content;
using ImpactSite.Model;

namespace ImpactSite.Render.Data;

/// <summary>
/// /site.webmanifest: the site's name, colours and icons, for a phone's "add to home screen". Made from site.yml, so it
/// names this site, not the theme; the icons are the theme's (static/favicon.svg, icon-192.png, icon-512.png).
/// </summary>
public static class WebManifest
{
    public static byte[] Write(SiteSettings site) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
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
        ["icons"] = new object[]
        {
            new Dictionary<string, string> { ["src"] = site.Href("/theme/favicon.svg"), ["type"] = "image/svg+xml", ["sizes"] = "any" },
            new Dictionary<string, string> { ["src"] = site.Href("/theme/icon-192.png"), ["type"] = "image/png", ["sizes"] = "192x192" },
            new Dictionary<string, string> { ["src"] = site.Href("/theme/icon-512.png"), ["type"] = "image/png", ["sizes"] = "512x512" },
        },
    }, new JsonSerializerOptions { WriteIndented = true });
}
