using System.Text.RegularExpressions;

namespace ImpactSite.Privacy;

/// <summary>
/// Files written inside a text, which its reader decodes and shows (or offers to open): data: addresses (a browser
/// shows what one holds, as a picture, a page or text), uuencoded and "begin-base64" blocks and yEnc blocks (mail and
/// news readers show them as attachments). Each is read as a file of its own, reported where it starts.
/// </summary>
public static partial class EmbeddedFiles
{
    public static void Read(DecodedText text, TextReading reading, string? part)
    {
        var s = text.Text;
        // In markup an address is read after its character references (href="data&colon;text/plain;base64,QW5u&#x49;...").
        DataAddresses(s.Contains('&') ? CharacterReferences.Decode(text) : text, reading, part);
        if (s.Contains("-----BEGIN ", StringComparison.Ordinal))
            foreach (Match m in Armour().Matches(s)) Base64At(text, m, reading, part, $"a {m.Groups["label"].Value} block");
        if (s.Contains("binary", StringComparison.Ordinal))
            foreach (Match m in YamlBinary().Matches(s)) Base64At(text, m, reading, part, "a binary value");
        if (s.Contains("begin", StringComparison.Ordinal))
            foreach (Match m in UuencodedBlock().Matches(s))
            {
                var bytes = new DecodedBytes();
                var body = m.Groups["body"];
                if (m.Groups["base64"].Success) TransferEncoding.Base64(text, body.Index, body.Index + body.Length, bytes);
                else TransferEncoding.Uudecode(text, body.Index, body.Index + body.Length, bytes);
                reading.Bytes(m.Groups["name"].Value.Trim(), bytes, part ?? m.Groups["name"].Value.Trim());
            }
        if (s.Contains("=ybegin", StringComparison.Ordinal))
            foreach (Match m in YencBlock().Matches(s))
            {
                var bytes = new DecodedBytes();
                var body = m.Groups["body"];
                TransferEncoding.YDecode(text, body.Index, body.Index + body.Length, bytes);
                reading.Bytes(m.Groups["name"].Value.Trim(), bytes, part ?? m.Groups["name"].Value.Trim());
            }
    }

    /// <summary>The data: addresses in a text, each read as the file it holds.</summary>
    public static void DataAddresses(DecodedText text, TextReading reading, string? part)
    {
        if (HasDataAddress(text.Text))
            foreach (Match m in DataAddress().Matches(text.Text)) DataAddressAt(text, m, reading, part);
    }

    // The pages the build writes pass through here: a vectorised search, as IndexOf ignoring case is several times slower.
    static readonly System.Buffers.SearchValues<string> DataScheme = System.Buffers.SearchValues.Create(["data:"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the text may hold a data: address.</summary>
    public static bool HasDataAddress(string text) => text.AsSpan().ContainsAny(DataScheme);

    /// <summary>A file that is all base64 (.b64): what it holds, read as a file of its own.</summary>
    public static void Base64File(DecodedText text, TextReading reading, string? part)
    {
        var bytes = new DecodedBytes();
        TransferEncoding.Base64(text, 0, text.Text.Length, bytes);
        reading.Bytes("decoded", bytes, part ?? "what the base64 holds");
    }

    /// <summary>A base64 block (its "body" group) decoded and read as the file it holds.</summary>
    static void Base64At(DecodedText text, Match m, TextReading reading, string? part, string name)
    {
        var body = m.Groups["body"];
        var bytes = new DecodedBytes();
        TransferEncoding.Base64(text, body.Index, body.Index + body.Length, bytes);
        reading.Bytes(name, bytes, part ?? name);
    }

    static void DataAddressAt(DecodedText text, Match m, TextReading reading, string? part)
    {
        var type = m.Groups["type"].Value.ToLowerInvariant();
        var body = m.Groups["body"];
        var bytes = new DecodedBytes();
        if (m.Groups["base64"].Success) TransferEncoding.Base64(text, body.Index, body.Index + body.Length, bytes);
        else PercentDecode(text, body.Index, body.Index + body.Length, bytes);
        reading.Bytes("data" + Extension(type.Length == 0 ? "text/plain" : type), bytes, part ?? "a data: address");
    }

    static void PercentDecode(DecodedText text, int start, int end, DecodedBytes into)
    {
        var s = text.Text;
        for (var i = start; i < end; i++)
        {
            if (s[i] == '%' && i + 2 < end && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                into.Add(Convert.ToByte(s.Substring(i + 1, 2), 16), text.Origin(i));
                i += 2;
            }
            else
                foreach (var b in System.Text.Encoding.UTF8.GetBytes(s[i].ToString())) into.Add(b, text.Origin(i));
        }
    }

    /// <summary>The file extension of a media type's format (text/html → .html), or "" for one no text format reads
    /// (then the content decides: a document by its signature, text as plain text).</summary>
    public static string Extension(string mediaType) => mediaType switch
    {
        "text/html" => ".html",
        "application/xhtml+xml" => ".xhtml",
        "text/plain" or "text/enriched" or "text/richtext" or "text/uri-list" => ".txt",
        "text/markdown" or "text/x-markdown" => ".md",
        "text/csv" => ".csv",
        "text/tab-separated-values" => ".tsv",
        "text/css" => ".css",
        "text/xml" or "application/xml" => ".xml",
        "image/svg+xml" => ".svg",
        "application/json" or "application/ld+json" or "text/javascript" or "application/javascript" => ".json",
        "text/calendar" => ".ics",
        "text/x-vcalendar" => ".vcs",
        "text/vcard" or "text/x-vcard" or "text/directory" => ".vcf",
        "text/x-ldif" or "application/ldif" => ".ldif",
        "message/rfc822" or "message/global" or "message/news" or "text/rfc822-headers" or "message/partial" => ".eml",
        "text/rtf" or "application/rtf" => ".rtf",
        "text/x-tex" or "application/x-tex" => ".tex",
        "text/x-bibtex" or "application/x-bibtex" => ".bib",
        "text/vtt" => ".vtt",
        _ => "",
    };

    [GeneratedRegex(@"data:(?<type>[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+|)(?:;[a-z0-9_-]+=[^;,""')\s]*)*(?<base64>;base64)?,(?<body>(?(base64)[a-z0-9+/=_\s-]*|[^""'()<>\s]*))", RegexOptions.IgnoreCase)]
    private static partial Regex DataAddress();

    /// <summary>PEM and OpenPGP ASCII armour (RFC 7468, RFC 4880): its header lines ("Proc-Type: ...", "Version: ...")
    /// and the blank line after them are skipped, and OpenPGP's checksum line ("=XXXX") ends the base64.</summary>
    [GeneratedRegex(@"^-----BEGIN (?<label>[^-\r\n]+)-----[ \t]*\r?\n(?:[A-Za-z-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*(?:[ \t]*\r?\n)?(?<body>[A-Za-z0-9+/=\s]*?)^(?:=[A-Za-z0-9+/]{4}\s*)?-----END ", RegexOptions.Multiline)]
    private static partial Regex Armour();

    /// <summary>A YAML value tagged binary (!!binary or !&lt;tag:yaml.org,2002:binary&gt;): base64 in a block scalar
    /// (| or &gt; then the lines indented more than its key's), in quotes, or plain (maybe continued on more indented lines).</summary>
    [GeneratedRegex(@"^(?<indent>[ \t]*)[^\r\n#]*?(?:!!binary|!<tag:yaml\.org,2002:binary>)[ \t]*(?:[|>][-+0-9]*[ \t]*(?:#[^\r\n]*)?\r?\n(?<body>(?:\k<indent>[ \t]+[^\r\n]*(?:\r?\n|$)|[ \t]*\r?\n)*)|""(?<body>[^""]*)""|'(?<body>[^']*)'|(?<body>[A-Za-z0-9+/=]+(?:[ \t]*\r?\n\k<indent>[ \t]+[A-Za-z0-9+/=]+)*))", RegexOptions.Multiline)]
    private static partial Regex YamlBinary();

    [GeneratedRegex(@"^begin(?<base64>-base64)? +[0-7]{3,4} +(?<name>[^\r\n]+)\r?\n(?<body>.*?)^(?:end|====)\r?$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex UuencodedBlock();

    [GeneratedRegex(@"^=ybegin [^\r\n]*?name=(?<name>[^\r\n]+)\r?\n(?:=ypart [^\r\n]*\r?\n)?(?<body>.*?)^=yend", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YencBlock();
}
