namespace ImpactSite.Privacy;

/// <summary>
/// A kind of text file: how its raw text is marked up, and how the program that opens it decodes it before showing it
/// (null when it shows the text as it is, after the character references and escapes every text is read with).
/// </summary>
public sealed record TextFormat(string Kind, Markup Markup, Action<DecodedText, TextReading, string?>? Decode = null);

/// <summary>
/// Every text format the guard knows how to read as its program shows it, by file extension, and the formats it
/// recognises by content. A published text file of any other kind is refused (fail closed, as for binary documents):
/// the guard cannot know what its program would decode and show. docs/consent.md lists them.
/// </summary>
public static class TextFormats
{
    static readonly TextFormat Plain = new("text", Markup.Xml);
    static readonly TextFormat Html = new("web page", Markup.Html);
    static readonly TextFormat Markdown = new("markdown", Markup.Markdown);
    static readonly TextFormat Escaped = new("data or settings", Markup.Xml, EscapedText.Backslashes);
    static readonly TextFormat Css = new("style sheet", Markup.Xml, EscapedText.Css);
    static readonly TextFormat Tex = new("LaTeX or BibTeX", Markup.None, TexText.Read);
    static readonly TextFormat Directory = new("calendar or contact", Markup.None, DirectoryText.Read);
    static readonly TextFormat Ldif = new("LDIF directory", Markup.None, DirectoryText.ReadLdif);
    static readonly TextFormat Mail = new("mail message", Markup.None, MimeText.Read);
    static readonly TextFormat Base64 = new("base64", Markup.None, EmbeddedFiles.Base64File);
    static readonly TextFormat Subtitles = new("ASS/SSA subtitles", Markup.None, SubtitleText.Ass);

    static readonly Dictionary<string, TextFormat> ByExtension = Table(
        (Plain, ".txt .text .csv .tsv .tab .log .srt .vtt .sbv .ris .nbib .enw .rtf .uu .uue"),
        // XML, and the XML parts of Office, OpenDocument and EPUB files (.rels, .psmdcp, .vml, .opf, .ncx).
        (Plain, ".xml .svg .rels .psmdcp .vml .opf .ncx .rdf .rss .atom .xsl .xslt .xsd .kml .gpx .xlf .xliff .smil"),
        (Html, ".html .htm .xhtml .xht"),
        (Markdown, ".md .markdown"),
        (Escaped, ".json .geojson .jsonld .webmanifest .js .mjs .cjs .yml .yaml .toml .ini .cfg .conf .properties .po .pot .env .sh"),
        (Css, ".css"),
        (Tex, ".tex .ltx .latex .sty .cls .bib .bbl"),
        (Directory, ".ics .ifb .ical .icalendar .vcs .vcf .vcard"),
        (Ldif, ".ldif .ldi"),
        (Mail, ".eml .emlx .mht .mhtml .mime .mim .mbox .mbx .nws"),
        (Base64, ".b64 .base64"),
        (Subtitles, ".ass .ssa"),
        // Certificates and keys: PEM and OpenPGP armour are read as the files they hold (EmbeddedFiles).
        (Plain, ".pem .crt .cer .der .csr .key .pub .asc .sig .p7b .p7c"));

    static Dictionary<string, TextFormat> Table(params (TextFormat Format, string Extensions)[] rows) =>
        rows.SelectMany(r => r.Extensions.Split(' ').Select(e => (e, r.Format))).ToDictionary(p => p.e, p => p.Format, StringComparer.OrdinalIgnoreCase);

    /// <summary>The format a file's name says, or null for a name the guard has no format for.</summary>
    public static TextFormat? ByName(string name) => ByExtension.GetValueOrDefault(Path.GetExtension(name));

    /// <summary>The format a text's first lines show whatever its name (a calendar, a contact, a mail message, LDIF), or null.</summary>
    public static TextFormat? ByContent(string text)
    {
        var head = text.AsSpan(0, Math.Min(text.Length, 4096)).TrimStart("\uFEFF \t\r\n");
        if (head.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase) || head.StartsWith("BEGIN:VCARD", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("BEGIN:VEVENT", StringComparison.OrdinalIgnoreCase)) return Directory;
        if (head.StartsWith("dn:", StringComparison.OrdinalIgnoreCase) || head.StartsWith("version: 1", StringComparison.OrdinalIgnoreCase)) return Ldif;
        return MimeText.LooksLikeMessage(head) ? Mail : null;
    }
}
