using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ImpactSite.Privacy;

/// <summary>
/// What a PDF viewer shows and keeps, read with PdfPig: each page's text (as letters and as words), every string in every
/// object of the file (document properties, bookmarks, annotations and comments, form fields, link addresses), the XMP
/// metadata, and embedded files, read as files of their own. Pictures in the PDF that are JPEGs are checked for hidden
/// metadata like any other picture.
/// </summary>
public static class PdfText
{
    public static string? Read(byte[] content, NameScan scan, Func<string, byte[], string?> embedded)
    {
        try
        {
            using var pdf = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            foreach (var page in pdf.GetPages())
            {
                scan.Read(page.Text, Markup.None, $"page {page.Number}");
                scan.Read(string.Join(' ', page.GetWords().Select(w => w.Text)), Markup.None, $"page {page.Number}");
            }
            if (pdf.TryGetXmpMetadata(out var xmp))
                scan.Read(Encoding.UTF8.GetString(xmp.GetXmlBytes()), Markup.Xml, "XMP metadata");
            var strings = new StringBuilder();
            foreach (var reference in pdf.Structure.CrossReferenceTable.ObjectOffsets.Keys)
            {
                var token = pdf.Structure.GetObject(reference)?.Data;
                if (token is StreamToken { StreamDictionary: var dictionary } stream)
                {
                    Strings(dictionary, strings);
                    if (PictureProblem(dictionary, stream) is { } problem) return problem;
                }
                else if (token is not null) Strings(token, strings);
            }
            scan.Read(strings.ToString(), Markup.None, "document properties, bookmarks, annotations and forms");
            if (pdf.Advanced.TryGetEmbeddedFiles(out var files))
                foreach (var file in files)
                    if (embedded(file.Name, file.Bytes.ToArray()) is { } problem) return problem;
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"PdfPig could not read it ({e.Message.TrimEnd('.')})";
        }
    }

    static void Strings(IToken token, StringBuilder into)
    {
        switch (token)
        {
            case StringToken s: into.Append(s.Data).Append('\n'); break;
            case HexToken h: into.Append(h.Data).Append('\n'); break;
            case NameToken n: into.Append(n.Data).Append('\n'); break;
            case ArrayToken a: Strings(a.Data, into); break;
            case DictionaryToken d: Strings(d.Data.Values, into); break;
        }
    }

    static void Strings(IEnumerable<IToken> tokens, StringBuilder into)
    {
        foreach (var token in tokens) Strings(token, into);
    }

    /// <summary>A JPEG drawn in the PDF is stored whole (DCTDecode), EXIF and GPS included.</summary>
    static string? PictureProblem(DictionaryToken dictionary, StreamToken stream)
    {
        if (!dictionary.TryGet(NameToken.Filter, out var filter) || !filter.ToString()!.Contains("DCTDecode", StringComparison.Ordinal)) return null;
        var picture = Render.Assets.ImageMetadata.Strip("picture.jpg", stream.Data.ToArray());
        return picture.Removed.Count == 0 ? null
            : $"a picture in it carries hidden metadata ({string.Join(", ", picture.Removed)}): export the PDF again with pictures cleaned (most PDF tools have a \"remove hidden information\" option)";
    }
}
