using System.Text;
using ImpactSite.Content;

namespace ImpactSite.Hosting;

/// <summary>
/// The _headers file Netlify reads: one Content-Security-Policy for every published address, never two. Netlify
/// applies every rule whose path matches, and a "/*" rule matches /admin/ too; when a strict policy and the editor's
/// both reach the browser, it enforces both and the editor never starts. No rule can leave one folder out of "/*",
/// so the policy is set per top-level name the build publishes: the editor's for /admin/, the sandbox for /assets/,
/// the strict one for the rest. The other security headers stay in netlify.toml's "/*" rule, where one value fits every page.
/// </summary>
public static class NetlifyHeaders
{
    public const string Path = "_headers";
    const string Admin = "admin";
    const string AssetsRule = "/assets/*";

    /// <param name="paths">Every output path of the site (x/index.html, feed.xml, ...).</param>
    public static byte[] Make(IEnumerable<string> paths)
    {
        var text = new StringBuilder("# Written by ImpactSite (src/ImpactSite/Hosting/NetlifyHeaders.cs): one policy per address.\n");
        Rule(text, Routes.Home, SecurityPolicy.PublicOnHost);
        foreach (var pattern in TopLevel(paths).Where(p => p != "/" + Admin + "/*"))
            Rule(text, pattern, pattern == AssetsRule ? SecurityPolicy.Assets : SecurityPolicy.PublicOnHost);
        Rule(text, Routes.Admin + "*", SecurityPolicy.Editor, ("Cache-Control", "no-cache"));
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>"/studies/*" for a folder, "/feed.xml" for a file at the top.</summary>
    public static IEnumerable<string> TopLevel(IEnumerable<string> paths) => paths
        .Select(p => p.Split('/', 2) is [var folder, _] ? $"/{folder}/*" : "/" + p)
        .Where(p => p != "/" + Path)
        .Distinct().Order(StringComparer.Ordinal);

    static void Rule(StringBuilder text, string path, string policy, params (string Name, string Value)[] more)
    {
        text.Append(path).Append("\n  Content-Security-Policy: ").Append(policy).Append('\n');
        foreach (var (name, value) in more) text.Append("  ").Append(name).Append(": ").Append(value).Append('\n');
    }
}
