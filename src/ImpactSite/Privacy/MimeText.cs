using System.Text;
using System.Text.RegularExpressions;

namespace ImpactSite.Privacy;

/// <summary>
/// Mail messages (RFC 5322 and MIME: .eml, .emlx, .mbox, web archives .mht), as a mail program shows them: headers
/// unfolded, encoded words decoded (RFC 2047 =?charset?Q?...?= and ?B?, adjacent words joined), parameters put
/// together and decoded (RFC 2231 filename*0*=utf-8''...), each part's body decoded (quoted-printable, base64,
/// uuencode) in its character set, multipart bodies split at their boundary, and each part read as its media type says:
/// text by its format, an attached message as a message, anything else (a PDF, a picture, a zip) as a document.
/// A transfer encoding or character set the build cannot decode refuses the file at the header that declares it.
/// </summary>
/// <remarks>
/// Written here rather than with MimeKit (which the tests use to write real messages): the guard needs where each
/// decoded character came from, to report the line, and must refuse what it cannot decode where MimeKit is lenient
/// (an unknown transfer encoding is passed through as it is); and the native executable stays free of MimeKit's
/// cryptography dependencies.
/// </remarks>
public static partial class MimeText
{
    static readonly HashSet<string> MessageHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "To", "Cc", "Subject", "Date", "MIME-Version", "Received", "Return-Path", "Message-ID", "Delivered-To",
        "Reply-To", "Sender", "Content-Type", "Content-Transfer-Encoding", "X-Mailer", "In-Reply-To", "References",
    };

    /// <summary>Whether a text starts like a mail message: (an mbox "From " line, then) header lines, two of them
    /// headers a message has.</summary>
    public static bool LooksLikeMessage(ReadOnlySpan<char> head)
    {
        var known = 0;
        var first = true;
        foreach (var range in head.Split('\n'))
        {
            var line = head[range].TrimEnd('\r');
            if (line.IsEmpty) break;
            if (first && (line.StartsWith("From ") || line.ContainsAnyExceptInRange('0', '9') is false)) { first = false; continue; }
            first = false;
            if (line[0] is ' ' or '\t') continue;
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[..colon].ContainsAny(" \t")) return false;
            if (MessageHeaders.Contains(line[..colon].ToString()) && ++known >= 2) return true;
        }
        return false;
    }

    public static void Read(DecodedText text, TextReading reading, string? part)
    {
        var s = text.Text;
        // An .emlx starts with the message's length; an mbox holds messages one after another, each after a "From " line.
        var firstEnd = s.IndexOf('\n') is var n and >= 0 ? n : s.Length;
        var start = firstEnd > 0 && !s.AsSpan(0, firstEnd).TrimEnd('\r').ContainsAnyExceptInRange('0', '9') ? Math.Min(firstEnd + 1, s.Length) : 0;
        if (!s.AsSpan(start).StartsWith("From "))
        {
            Entity(text.Slice(start, s.Length), reading, part, "text/plain");
            return;
        }
        var separators = new List<int>();
        for (var at = start; at < s.Length; at = s.IndexOf('\n', at) is var end and >= 0 ? end + 1 : s.Length)
            if (s.AsSpan(at).StartsWith("From ")) separators.Add(at);
        for (var i = 0; i < separators.Count; i++)
        {
            var from = s.IndexOf('\n', separators[i]) is var end and >= 0 ? end + 1 : s.Length;
            var to = i + 1 < separators.Count ? separators[i + 1] : s.Length;
            if (from < to) Entity(text.Slice(from, to), reading, part, "text/plain");
        }
    }

    static bool IsTextual(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal) || type.StartsWith("multipart/", StringComparison.Ordinal) || type.StartsWith("message/", StringComparison.Ordinal);

    /// <summary>One message or part: its headers, then its body as its Content-Type says.</summary>
    static void Entity(DecodedText entity, TextReading reading, string? part, string defaultType)
    {
        var view = new DecodedTextBuilder();
        var fields = new Dictionary<string, (DecodedText Value, Dictionary<string, string> Parameters)>(StringComparer.OrdinalIgnoreCase);
        var headers = Headers(entity, out var bodyStart);
        foreach (var (name, value) in headers)
        {
            view.Append(name + ": ", value.Origin(0));
            if (!EncodedWords(value, view, reading)) return;
            view.Append('\n', value.Origin(0));
            var parameters = Parameters(value, view, reading);
            if (reading.Problem is not null) return;
            fields.TryAdd(name, (value, parameters));
        }
        reading.Scan(view.ToDecodedText(), Markup.None, part);
        var body = entity.Slice(Math.Min(bodyStart, entity.Text.Length), entity.Text.Length);

        var hasType = fields.TryGetValue("Content-Type", out var contentType);
        var type = hasType ? contentType.Value.Text.Split(';')[0].Trim().ToLowerInvariant() : defaultType;
        if (!type.Contains('/')) type = defaultType;
        var parameters2 = hasType ? contentType.Parameters : new Dictionary<string, string>();
        var filename = fields.TryGetValue("Content-Disposition", out var disposition) && disposition.Parameters.TryGetValue("filename", out var f) ? f
            : parameters2.GetValueOrDefault("name");
        var hasEncoding = fields.TryGetValue("Content-Transfer-Encoding", out var transfer);
        var declared = hasEncoding ? transfer.Value.Text.Trim().ToLowerInvariant() : "7bit";
        DecodedText? text = null;
        var bytes = new DecodedBytes();
        switch (declared)
        {
            case "7bit" or "8bit" or "binary" or "":
                if (IsTextual(type)) text = body;
                else Raw(body, bytes);
                break;
            case "quoted-printable":
                TransferEncoding.QuotedPrintable(body, 0, body.Text.Length, bytes);
                break;
            case "base64":
                TransferEncoding.Base64(body, 0, body.Text.Length, bytes);
                break;
            case "x-uuencode" or "uuencode" or "x-uue":
                var begin = UuBegin().Match(body.Text);
                TransferEncoding.Uudecode(body, begin.Success ? begin.Index + begin.Length : 0, body.Text.Length, bytes);
                break;
            default:
                reading.Refuse($"it declares Content-Transfer-Encoding: {declared}, which the build cannot decode", transfer.Value.Origin(0));
                return;
        }
        if (!IsTextual(type))
        {
            var extension = EmbeddedFiles.Extension(type);
            reading.Bytes(filename ?? "attachment" + extension, bytes, part ?? filename ?? $"an attachment ({type})", extension.Length > 0 ? extension : ".txt");
            return;
        }
        if (parameters2.TryGetValue("charset", out var charsetName))
        {
            if (reading.Charset(charsetName, contentType.Value.Origin(0)) is not { } charset) return;
            // Text not transfer-encoded is in the file's own characters already, unless they are bytes of another set.
            if (text is null) text = bytes.Decode(charset);
            else if (charset.CodePage is not (65001 or 20127) && !text.Text.Any(c => c > 0xFF))
            {
                Raw(text, bytes);
                text = bytes.Decode(charset);
            }
        }
        text ??= bytes.Decode(DocumentText.TextEncoding(bytes.ToArray()) ?? Encoding.Latin1);
        if (type.StartsWith("multipart/", StringComparison.Ordinal) && parameters2.TryGetValue("boundary", out var boundary))
            Multipart(text, boundary, reading, part, type == "multipart/digest" ? "message/rfc822" : "text/plain");
        else Text(type.StartsWith("multipart/", StringComparison.Ordinal) ? "text/plain" : type, filename, text, reading, part);
    }

    /// <summary>A body that is not transfer-encoded, as the bytes it was (one byte a character when they all fit).</summary>
    static void Raw(DecodedText body, DecodedBytes into)
    {
        var wide = body.Text.Any(c => c > 0xFF);
        for (var i = 0; i < body.Text.Length; i++)
            if (!wide) into.Add((byte)body.Text[i], body.Origin(i));
            else foreach (var b in Encoding.UTF8.GetBytes(body.Text[i].ToString())) into.Add(b, body.Origin(i));
    }

    /// <summary>A text part (or an attached message), read as a file of its format: the one its file name says if the
    /// guard knows it, else its media type's; neither known refuses it.</summary>
    static void Text(string type, string? filename, DecodedText text, TextReading reading, string? part)
    {
        var extension = EmbeddedFiles.Extension(type);
        var name = filename is not null && TextFormats.ByName(filename) is not null ? filename
            : extension.Length > 0 ? "part" + extension : filename ?? "part." + type[(type.IndexOf('/') + 1)..];
        reading.File(name, text, part ?? filename);
    }

    static void Multipart(DecodedText body, string boundary, TextReading reading, string? part, string defaultType)
    {
        var s = body.Text;
        var delimiter = "--" + boundary;
        var parts = new List<(int Start, int End)>();
        int? open = null;
        var preamble = -1;
        for (var at = 0; at < s.Length;)
        {
            var end = s.IndexOf('\n', at);
            if (end < 0) end = s.Length;
            var line = s.AsSpan(at, end - at).TrimEnd("\r \t");
            if (line.StartsWith(delimiter, StringComparison.Ordinal) && (line.Length == delimiter.Length || line[delimiter.Length..].SequenceEqual("--")))
            {
                var closeAt = at > 0 && s[at - 1] == '\n' ? (at > 1 && s[at - 2] == '\r' ? at - 2 : at - 1) : at;
                if (open is { } start) parts.Add((start, Math.Max(start, closeAt)));
                else preamble = closeAt;
                open = line.Length == delimiter.Length ? end + 1 : null;
                if (open is null)
                {
                    // The epilogue after the closing delimiter is published too.
                    reading.Scan(body.Slice(Math.Min(end + 1, s.Length), s.Length), Markup.None, part);
                    break;
                }
            }
            at = end + 1;
        }
        if (open is { } last && last < s.Length) parts.Add((last, s.Length));
        reading.Scan(body.Slice(0, preamble < 0 ? (parts.Count == 0 ? s.Length : 0) : preamble), Markup.None, part);
        foreach (var (start, end) in parts) Entity(body.Slice(Math.Min(start, s.Length), Math.Min(end, s.Length)), reading, part, defaultType);
    }

    /// <summary>The unfolded header fields up to the first empty line, and where the body starts.</summary>
    static List<(string Name, DecodedText Value)> Headers(DecodedText entity, out int bodyStart)
    {
        var s = entity.Text;
        var fields = new List<(string, DecodedText)>();
        var lines = new List<(int Start, int End)>();
        bodyStart = s.Length;
        for (var at = 0; at < s.Length;)
        {
            var end = s.IndexOf('\n', at);
            if (end < 0) end = s.Length;
            var stop = end > at && s[end - 1] == '\r' ? end - 1 : end;
            if (stop == at)
            {
                bodyStart = end + 1;
                break;
            }
            var continued = s[at] is ' ' or '\t';
            var colon = s.IndexOf(':', at, stop - at);
            if (!continued && (colon <= at || s.AsSpan(at, colon - at).ContainsAny(" \t")))
            {
                bodyStart = at; // not a header: the body starts here
                break;
            }
            lines.Add((at, stop));
            at = end + 1;
        }
        DecodedTextBuilder? value = null;
        string? name = null;
        foreach (var (start, end) in lines)
        {
            if (s[start] is ' ' or '\t')
            {
                value?.Append(entity, start, end); // unfolded: the line break goes, the white space stays (RFC 5322 2.2.3)
                continue;
            }
            if (name is not null) fields.Add((name, value!.ToDecodedText()));
            var colon = s.IndexOf(':', start, end - start);
            name = s[start..colon].Trim();
            value = new DecodedTextBuilder().Append(entity, colon + 1, end);
        }
        if (name is not null) fields.Add((name, value!.ToDecodedText()));
        return fields;
    }

    /// <summary>A header value with its encoded words decoded; white space between two encoded words goes, and the
    /// bytes of adjacent words in one character set are decoded together (a letter may be split between them).</summary>
    static bool EncodedWords(DecodedText value, DecodedTextBuilder view, TextReading reading)
    {
        var s = value.Text;
        var at = 0;
        var pending = new DecodedBytes();
        string? pendingCharset = null;
        bool Flush()
        {
            if (pendingCharset is null) return true;
            if (reading.Charset(pendingCharset, value.Origin(0)) is not { } charset) return false;
            var text = pending.Decode(charset);
            view.Append(text, 0, text.Text.Length);
            (pending, pendingCharset) = (new DecodedBytes(), null);
            return true;
        }
        foreach (Match m in EncodedWord().Matches(s))
        {
            var adjacent = pendingCharset is not null && s.AsSpan(at, m.Index - at).IsWhiteSpace();
            if ((!adjacent || !string.Equals(pendingCharset, m.Groups["charset"].Value, StringComparison.OrdinalIgnoreCase)) && !Flush()) return false;
            if (!adjacent) Unquoted(value, at, m.Index, view);
            pendingCharset = m.Groups["charset"].Value;
            var word = m.Groups["text"];
            if (m.Groups["encoding"].Value is "B" or "b") TransferEncoding.Base64(value, word.Index, word.Index + word.Length, pending);
            else TransferEncoding.QuotedPrintable(value, word.Index, word.Index + word.Length, pending, underscoreIsSpace: true);
            at = m.Index + m.Length;
        }
        if (!Flush()) return false;
        Unquoted(value, at, s.Length, view);
        return true;
    }

    /// <summary>Header text with its quoted pairs (\x) undone.</summary>
    static void Unquoted(DecodedText value, int start, int end, DecodedTextBuilder view)
    {
        for (var i = start; i < end; i++)
        {
            if (value.Text[i] == '\\' && i + 1 < end) i++;
            view.Append(value.Text[i], value.Origin(i));
        }
    }

    /// <summary>
    /// The parameters of a header value (type/subtype; name=value; ...), each put together from its RFC 2231 sections
    /// (name*0*=, name*1=, ...) and decoded (charset'language'%XX), and its encoded words decoded (mail programs decode
    /// them in file names too); each whole value is written into the view as well.
    /// </summary>
    static Dictionary<string, string> Parameters(DecodedText value, DecodedTextBuilder view, TextReading reading)
    {
        var sections = new Dictionary<string, List<(int Section, bool Extended, Group Value)>>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Parameter().Matches(value.Text))
        {
            var name = m.Groups["name"].Value;
            if (!sections.TryGetValue(name, out var list)) sections[name] = list = [];
            list.Add((m.Groups["section"].Success ? int.Parse(m.Groups["section"].Value) : 0, m.Groups["extended"].Success, m.Groups["value"]));
        }
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, list) in sections)
        {
            var bytes = new DecodedBytes();
            Encoding? charset = null;
            foreach (var (section, extended, group) in list.OrderBy(l => l.Section))
            {
                var start = group.Index;
                var end = group.Index + group.Length;
                if (end > start && value.Text[start] == '"') (start, end) = (start + 1, Math.Max(start + 1, end - 1));
                if (extended && charset is null && value.Text.IndexOf('\'', start, end - start) is var quote and >= 0
                    && value.Text.IndexOf('\'', quote + 1, end - quote - 1) is var second and >= 0)
                {
                    var declared = value.Text[start..quote];
                    charset = declared.Length == 0 ? Encoding.UTF8 : reading.Charset(declared, value.Origin(start));
                    if (charset is null) return parameters;
                    start = second + 1;
                }
                for (var i = start; i < end; i++)
                {
                    var c = value.Text[i];
                    if (extended && c == '%' && i + 2 < end && char.IsAsciiHexDigit(value.Text[i + 1]) && char.IsAsciiHexDigit(value.Text[i + 2]))
                    {
                        bytes.Add(Convert.ToByte(value.Text.Substring(i + 1, 2), 16), value.Origin(i));
                        i += 2;
                    }
                    else
                    {
                        if (c == '\\' && !extended && i + 1 < end) c = value.Text[++i];
                        foreach (var b in Encoding.UTF8.GetBytes(c.ToString())) bytes.Add(b, value.Origin(i));
                    }
                }
            }
            var joined = bytes.Decode(charset ?? Encoding.UTF8);
            view.Append(name + "=", joined.Origin(0));
            var decoded = new DecodedTextBuilder();
            if (!EncodedWords(joined, decoded, reading)) return parameters;
            var text = decoded.ToDecodedText();
            view.Append(text, 0, text.Text.Length).Append('\n', joined.Origin(0));
            parameters[name] = text.Text;
        }
        return parameters;
    }

    [GeneratedRegex(@"=\?(?<charset>[^?*\s]+)(?:\*[^?\s]*)?\?(?<encoding>[QqBb])\?(?<text>[^?\s]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@";\s*(?<name>[^\s=*;""]+)(?:\*(?<section>\d+))?(?<extended>\*)?\s*=\s*(?<value>""(?:[^""\\]|\\.)*""|[^;\s]*)")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^begin +[0-7]{3,4} +[^\r\n]*\r?\n", RegexOptions.Multiline)]
    private static partial Regex UuBegin();
}
