using System.Xml;

namespace ImpactSite.Load;

/// <summary>
/// Whether an SVG is a picture and nothing more, on an allow-list: only SVG's drawing elements (plus the metadata
/// drawing programs add), no event handlers, and references only to parts of the same file. Read with the .NET XML
/// reader with DTDs refused (so no entities), streaming, so a big file needs little memory.
///
/// ImpactSite refuses a risky SVG rather than cleaning it: HtmlSanitizer reads and writes HTML, and an SVG file is
/// XML, so a cleaned file could break or mean something else; a message saying what to remove (or to export a PNG)
/// is safer than a picture silently changed.
/// </summary>
public static class SvgCheck
{
    public sealed record Problem(int Line, int Column, string Message);

    const string Svg = "http://www.w3.org/2000/svg";

    static readonly HashSet<string> Drawing = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle", "ellipse", "line", "polyline",
        "polygon", "text", "tspan", "textPath", "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "image", "style", "switch", "view", "a", "animate", "animateMotion", "animateTransform", "set", "mpath",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
        "feSpotLight", "feTile", "feTurbulence",
    };

    /// <summary>What drawing programs add, which browsers neither show nor run (Inkscape, Sodipodi, RDF licence data).</summary>
    static readonly HashSet<string> EditorMetadata = new(StringComparer.Ordinal)
    {
        "http://www.inkscape.org/namespaces/inkscape", "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
        "http://inkscape.sourceforge.net/DTD/sodipodi-0.dtd", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://purl.org/dc/elements/1.1/", "http://creativecommons.org/ns#", "http://web.resource.org/cc/",
    };

    const string Fix = "remove it, or export the picture as a PNG (in Inkscape, 'Save As' 'Optimized SVG' leaves such parts out).";

    public static Problem? Check(byte[] svg)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreWhitespace = true };
        using var reader = XmlReader.Create(new MemoryStream(svg), settings);
        var at = (IXmlLineInfo)reader;
        var inStyle = false;
        try
        {
            var root = true;
            while (reader.Read())
            {
                var problem = reader.NodeType switch
                {
                    XmlNodeType.Element => Element(reader, root),
                    XmlNodeType.ProcessingInstruction => $"it has a processing instruction (<?{reader.Name} ...?>), which can restyle or transform the picture",
                    XmlNodeType.Text or XmlNodeType.CDATA when inStyle => Style(reader.Value),
                    _ => null,
                };
                if (reader.NodeType == XmlNodeType.Element)
                {
                    root = false;
                    inStyle = reader.LocalName == "style" && !reader.IsEmptyElement;
                }
                else if (reader.NodeType == XmlNodeType.EndElement) inStyle = false;
                if (problem is not null) return new(at.LineNumber, at.LinePosition, $"this SVG cannot be published: {problem}: {Fix}");
            }
            return root ? new(1, 1, "this SVG is empty: export the picture again.") : null;
        }
        catch (XmlException e)
        {
            return new(Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition),
                $"this SVG cannot be read as XML ({e.Message.Split(" Line ")[0].TrimEnd('.')}), so it cannot be checked for scripts: export the picture again as a plain SVG or a PNG.");
        }
    }

    static string? Element(XmlReader reader, bool root)
    {
        var (name, ns) = (reader.LocalName, reader.NamespaceURI);
        if (root && (ns != Svg || name != "svg")) return $"it does not start with an <svg> element in the SVG namespace (xmlns=\"{Svg}\")";
        if (ns == Svg)
        {
            if (name == "script") return "it has a <script> element, which could run on the site";
            if (name == "foreignObject") return "it has a <foreignObject> element, which can hold a web page";
            if (!Drawing.Contains(name)) return $"it has a <{name}> element, which is not one ImpactSite knows to be safe in a picture";
        }
        else if (!EditorMetadata.Contains(ns)) return $"it has a <{reader.Name}> element from another language ({(ns.Length == 0 ? "no namespace" : ns)}), which a browser may run";
        var animation = name is "animate" or "set" or "animateTransform" or "animateMotion";
        for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
            if (Attribute(reader, animation) is { } problem)
            {
                reader.MoveToElement();
                return problem;
            }
        reader.MoveToElement();
        return null;
    }

    static string? Attribute(XmlReader reader, bool animation)
    {
        if (reader.Prefix == "xmlns" || reader.LocalName == "xmlns" && reader.Prefix.Length == 0) return null;
        var (name, value) = (reader.LocalName, reader.Value.Trim());
        if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)) return $"it has an event handler ({reader.Name}=\"...\"), which could run on the site";
        if (name == "base" && reader.NamespaceURI == "http://www.w3.org/XML/1998/namespace") return "it sets xml:base, which changes what its references point to";
        if (name == "href" && !value.StartsWith('#') && !IsEmbeddedPicture(value))
            return $"it refers to another file or site ({reader.Name}=\"{Shorten(value)}\"): only references to parts of the same picture (\"#...\") are allowed";
        if (animation && name == "attributeName" && (value.EndsWith("href", StringComparison.OrdinalIgnoreCase) || value.StartsWith("on", StringComparison.OrdinalIgnoreCase)))
            return $"it animates '{value}', which can turn a part of the picture into a link or a script";
        return Style(value);
    }

    /// <summary>CSS (a style attribute, a &lt;style&gt; element, a presentation attribute): only url(#...) references.</summary>
    static string? Style(string css)
    {
        if (css.Contains("@import", StringComparison.OrdinalIgnoreCase)) return "its styles import another file (@import)";
        if (css.Contains("javascript:", StringComparison.OrdinalIgnoreCase) || css.Contains("expression(", StringComparison.OrdinalIgnoreCase))
            return "its styles hold a script";
        for (var at = css.IndexOf("url(", StringComparison.OrdinalIgnoreCase); at >= 0; at = css.IndexOf("url(", at + 4, StringComparison.OrdinalIgnoreCase))
        {
            var target = css[(at + 4)..].TrimStart(' ', '\t', '\n', '\r', '"', '\'');
            if (!target.StartsWith('#')) return $"it refers to another file or site ({Shorten(css[at..])})";
        }
        return null;
    }

    /// <summary>A PNG, JPEG, GIF or WebP picture inside the file (data:image/...;base64): a picture, nothing that runs.</summary>
    static bool IsEmbeddedPicture(string url) =>
        new[] { "data:image/png;", "data:image/jpeg;", "data:image/gif;", "data:image/webp;" }.Any(p => url.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
