using ImpactSite.Editor;

namespace ImpactSite.Hosting;

/// <summary>The Content-Security-Policy of the public pages and of the browser editor, in one place for the host's
/// headers (<see cref="NetlifyHeaders"/>), the preview and the docs (docs/hosting.md).</summary>
public static class SecurityPolicy
{
    /// <summary>The public pages: nothing but this site's own files, no code written inside pages.</summary>
    public const string Public =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>On the real host, every address is https.</summary>
    public const string PublicOnHost = Public + "; upgrade-insecure-requests";

    /// <summary>
    /// /assets/: contributed files are data, never part of the site. A sandboxed document without scripts, even if an
    /// HTML page or an SVG with a script slipped past the build's checks; the sandbox also gives it an origin of its
    /// own, so it could not read the editor's sign-in at /admin/ (docs/hosting.md#files-in-assets).
    /// </summary>
    public const string Assets =
        "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'; font-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// /admin/: the pinned Decap file (by its full address, so no other file from the CDN can run) and Netlify's
    /// sign-in widget; Decap builds its settings checks with eval and styles itself with style elements.
    /// </summary>
    public const string Editor =
        "default-src 'self'; script-src 'self' " + EditorAssets.DecapUrl + " https://identity.netlify.com 'unsafe-eval'; " +
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
