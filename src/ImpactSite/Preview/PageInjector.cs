using System.Net;
using System.Text;

namespace ImpactSite.Preview;

/// <summary>
/// What the preview adds to every HTML page it serves (never to the built files): a script tag for the reload script,
/// and, while the latest build has errors, a stylesheet link and an error banner at the top of the body. Both are
/// files under /__impactsite/, not inline code, so pages still work under the theme's strict Content-Security-Policy.
/// The reload script brings the error banner into view after every reload, wherever the page was scrolled to.
/// </summary>
public static class PageInjector
{
    public const string ReloadScriptPath = PreviewSite.ToolPrefix + "reload.js";
    public const string OverlayStylesheetPath = PreviewSite.ToolPrefix + "overlay.css";
    public const string EventsPath = PreviewSite.ToolPrefix + "events";
    public const string BannerId = "impactsite-preview-errors";

    public static string Inject(string page, PreviewSite site)
    {
        var head = new StringBuilder();
        if (site.Errors.Count > 0) head.Append($"<link rel=\"stylesheet\" href=\"{OverlayStylesheetPath}\">\n");
        head.Append($"<script src=\"{ReloadScriptPath}\" data-build=\"{WebUtility.HtmlEncode(site.Build)}\" defer></script>\n");

        var builder = new StringBuilder(page.Length + head.Length + 1024);
        var headEnd = page.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        var bodyStart = page.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        var bodyTagEnd = bodyStart < 0 ? -1 : page.IndexOf('>', bodyStart);
        if (headEnd < 0 || bodyTagEnd < headEnd)
        {
            // Not a page with a head and a body (a theme in the making): put everything first, which browsers accept.
            builder.Append(head);
            if (site.Errors.Count > 0) builder.Append(Banner(site.Errors));
            return builder.Append(page).ToString();
        }
        builder.Append(page, 0, headEnd).Append(head).Append(page, headEnd, bodyTagEnd + 1 - headEnd);
        if (site.Errors.Count > 0) builder.Append('\n').Append(Banner(site.Errors));
        return builder.Append(page, bodyTagEnd + 1, page.Length - bodyTagEnd - 1).ToString();
    }

    /// <summary>The error banner: every error of the latest build, HTML-escaped, one per line.</summary>
    public static string Banner(IReadOnlyList<string> errors)
    {
        var html = new StringBuilder();
        html.Append($"<div id=\"{BannerId}\" class=\"impactsite-preview-errors\" role=\"alert\">\n");
        html.Append("<p class=\"impactsite-preview-errors__title\"><strong>Preview: the latest change has ")
            .Append(errors.Count == 1 ? "1 error" : $"{errors.Count} errors")
            .Append(".</strong> This page shows the last version that built. Fix the problem below and save: the page reloads by itself.</p>\n");
        html.Append("<ul class=\"impactsite-preview-errors__list\">\n");
        foreach (var error in errors) html.Append("<li><code>").Append(WebUtility.HtmlEncode(error)).Append("</code></li>\n");
        html.Append("</ul>\n</div>\n");
        return html.ToString();
    }

    /// <summary>The page shown for every address while no build has succeeded yet.</summary>
    public const string ErrorPage = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Preview: the site has errors</title>
        </head>
        <body>
        <main>
        <h1>The site could not be built yet</h1>
        <p>Fix the errors listed above and save: this page reloads by itself.</p>
        </main>
        </body>
        </html>
        """;

    public const string ReloadScript = $$"""
        // ImpactSite preview only (never published): reloads the page when `impactsite preview` has rebuilt the site.
        (function () {
          "use strict";
          if (!("EventSource" in window)) return;
          var script = document.currentScript;
          var build = (script && script.getAttribute("data-build")) || "";
          // The server compares 'build' with its latest build and sends 'reload' at once if this page is out of date
          // (an edit saved while the page loaded, or a restarted preview).
          var events = new EventSource("/__impactsite/events?build=" + encodeURIComponent(build));
          events.addEventListener("reload", function () {
            events.close();
            // Back to the browser's own scroll keeping for the next page, in case this one turned it off (below).
            if ("scrollRestoration" in history) history.scrollRestoration = "auto";
            window.location.reload();
          });

          // A reloaded page goes back to where it was scrolled, which would leave the error box above the screen:
          // with errors, scroll keeping is off and the box is brought into view (again once the page has loaded,
          // after anything that moved it), and focused, so keyboard and screen reader users start there too.
          var banner = document.getElementById("{{BannerId}}");
          if (!banner) return;
          if ("scrollRestoration" in history) history.scrollRestoration = "manual";
          banner.setAttribute("tabindex", "-1");
          function show() {
            banner.scrollIntoView({ block: "start" });
            banner.focus({ preventScroll: true });
          }
          show();
          if (document.readyState !== "complete") window.addEventListener("load", show, { once: true });
        })();

        """;

    public const string OverlayStylesheet = """
        /* ImpactSite preview only (never published): the banner listing the latest build's errors. */
        .impactsite-preview-errors {
          position: relative;
          z-index: 2147483647;
          margin: 0;
          padding: 0.75rem 1rem;
          border-bottom: 0.25rem solid #a50e0e;
          background: #fff1f1;
          color: #3d0000;
          font: 1rem/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
          text-align: left;
        }
        .impactsite-preview-errors__title { margin: 0 0 0.5rem; }
        .impactsite-preview-errors__list { margin: 0; padding-left: 1.25rem; }
        .impactsite-preview-errors__list li { margin: 0.25rem 0; }
        .impactsite-preview-errors code {
          font: 0.9rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
          color: inherit;
          background: none;
          white-space: pre-wrap;
          overflow-wrap: anywhere;
        }

        """;
}
