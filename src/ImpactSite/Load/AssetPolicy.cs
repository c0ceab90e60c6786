using System.Text;
using ImpactSite.Validate;

namespace ImpactSite.Load;

/// <summary>
/// Nothing under assets/ may run in a reader's browser: the site's own origin also serves the browser editor (/admin/),
/// whose sign-in token a script on the same origin could read. Files a browser runs (web pages, scripts, XML, which
/// can carry XHTML scripts and XSLT) are refused by name; a file whose content starts like a web page is refused
/// whatever its name (a host that sends no type, or sniffs, would run it); an SVG must pass <see cref="SvgCheck"/>.
/// The host's Content-Security-Policy for /assets/ (docs/hosting.md) is the second line of defence.
/// </summary>
public static class AssetPolicy
{
    static readonly HashSet<string> Active = new(StringComparer.OrdinalIgnoreCase)
    {
        // web pages, and pages saved with their parts
        ".html", ".htm", ".xhtml", ".xht", ".shtml", ".shtm", ".stm", ".mht", ".mhtml", ".hta", ".htc",
        // scripts and programs a browser or a plug-in runs
        ".js", ".mjs", ".cjs", ".jsx", ".vbs", ".swf", ".jar", ".xap", ".wasm",
        // XML, which browsers render, running XHTML scripts and XSLT in it
        ".xml", ".xsl", ".xslt", ".xsd", ".rdf", ".rss", ".atom", ".xul", ".xbl", ".mml", ".mathml", ".smil", ".svgz",
        // scripts a web server may run
        ".php", ".phtml", ".php3", ".php4", ".php5", ".phar", ".asp", ".aspx", ".ashx", ".asmx", ".jsp", ".jspx", ".cgi",
    };

    /// <summary>Why an asset must not be published, judged by its name alone; null if its name is fine.</summary>
    public static string? RefusedName(string asset)
    {
        var name = Path.GetFileName(asset).TrimEnd('.', ' ');
        var extension = Path.GetExtension(name);
        if (!Active.Contains(extension)) return null;
        return extension.Equals(".svgz", StringComparison.OrdinalIgnoreCase)
            ? "a compressed SVG (.svgz) cannot be checked for scripts, so it is not published: save the picture as a plain .svg or a .png instead."
            : $"a '{extension.ToLowerInvariant()}' file can run in a reader's browser (or on the web server) as part of this site, so it is not published: publish the document as a PDF, or the picture as a PNG or JPEG, instead.";
    }

    /// <summary>The asset's bytes when it may be published; null when not (reported at the file, or inside an SVG).</summary>
    public static byte[]? Read(string inputRoot, string asset, DiagnosticBag diagnostics)
    {
        var full = Path.Combine(inputRoot, asset);
        // Looked at again before it is opened: the preview reads assets long after the folder was scanned.
        var entry = FileEntry.Of(full);
        if (entry.Type != EntryType.RegularFile)
        {
            diagnostics.Error(asset, 1, 1, entry.Refusal ?? "this file disappeared while the build was reading it: save it again.");
            return null;
        }
        byte[] bytes;
        try { bytes = File.ReadAllBytes(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(asset, 1, 1, $"this file could not be read ({e.Message.TrimEnd('.')}): check it is not open in another program, then build again.");
            return null;
        }
        if (Path.GetExtension(asset).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            if (SvgCheck.Check(bytes) is not { } problem) return bytes;
            diagnostics.Error(asset, problem.Line, problem.Column, problem.Message);
            return null;
        }
        if (StartsLikeMarkup(bytes) is not { } start) return bytes;
        diagnostics.Error(asset, 1, 1, $"this file starts like a web page or XML ('{start}'), which a browser could run as part of this site whatever the file is called, so it is not published: publish it as a PDF instead.");
        return null;
    }

    static readonly string[] MarkupStarts =
        ["<!doctype", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<?xml", "<!--", "<div", "<p", "<a", "<b", "<br",
         "<style", "<title", "<img", "<table", "<h1", "<font", "<object", "<embed", "<form", "<math", "<xsl", "<x:"];

    /// <summary>
    /// The start of a web page or XML at the beginning of the file (after a byte-order mark and white space), as browsers
    /// sniff one: one of these tags followed by a space, '>' or '/'. Pictures and PDFs start with binary signatures.
    /// </summary>
    static string? StartsLikeMarkup(byte[] bytes)
    {
        var head = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n', '\f');
        foreach (var start in MarkupStarts)
            if (head.StartsWith(start, StringComparison.OrdinalIgnoreCase)
                && (head.Length == start.Length || start[^1] == ':' || head[start.Length] is ' ' or '>' or '/' or '\t' or '\n' or '\r' || start is "<!--" or "<?xml" or "<!doctype"))
                return start;
        return null;
    }
}
