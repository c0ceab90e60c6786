namespace ImpactSite.Editor;

/// <summary>
/// The browser editor's code: Decap CMS pinned to one exact version, with the Subresource Integrity hash of that
/// version's file as npm publishes it (tests/ImpactSite.BrowserTests checks the hash against the npm package, and
/// theme/admin/index.html must load exactly this). A changed file on the CDN is refused by the browser, never run.
/// </summary>
public static class EditorAssets
{
    public const string DecapVersion = "3.16.3";
    public const string DecapUrl = "https://unpkg.com/decap-cms@" + DecapVersion + "/dist/decap-cms.js";
    public const string DecapIntegrity = "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";

    /// <summary>Netlify's sign-in widget: served by Netlify itself, unversioned, so it cannot carry a hash.</summary>
    public const string IdentityWidgetUrl = "https://identity.netlify.com/v1/netlify-identity-widget.js";
}
