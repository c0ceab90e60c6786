namespace ImpactSite.Privacy;

/// <summary>
/// Calendars (RFC 5545 iCalendar, vCalendar 1.0) and contacts (RFC 6350 and 2426 vCard, vCard 2.1), and LDIF
/// (RFC 2849) directory exports, as a calendar, address book or directory shows them: folded lines unfolded (a line
/// break followed by a space or tab is removed with it), each property's value unescaped (\, \; \n \\), parameter
/// values caret-decoded (RFC 6868: ^n ^' ^^), quoted-printable values decoded with their CHARSET (soft line breaks
/// joining lines), and base64 values (ENCODING=b, BASE64, LDIF's '::') read as the text or document they hold (a
/// PHOTO is a picture, checked as one). An ENCODING or CHARSET the build cannot decode refuses the file at its line.
/// </summary>
public static class DirectoryText
{
    public static void Read(DecodedText text, TextReading reading, string? part)
    {
        var view = new DecodedTextBuilder();
        foreach (var line in LogicalLines(text, joinSoftBreaks: true))
        {
            var colon = ValueStart(line.Text);
            if (colon < 0)
            {
                view.Append(line, 0, line.Text.Length).Append('\n', line.Origin(0));
                continue;
            }
            var parameters = Parameters(line, colon, view);
            var encoding = parameters.GetValueOrDefault("ENCODING", "").ToUpperInvariant();
            var name = line.Text[..Math.Max(0, line.Text.IndexOfAny([';', ':']))];
            var value = line.Slice(colon + 1, line.Text.Length);
            switch (encoding)
            {
                case "B" or "BASE64":
                    var bytes = new DecodedBytes();
                    TransferEncoding.Base64(value, 0, value.Text.Length, bytes);
                    reading.Bytes(name, bytes, part ?? $"its {name}");
                    break;
                case "QUOTED-PRINTABLE":
                    var printable = new DecodedBytes();
                    TransferEncoding.QuotedPrintable(value, 0, value.Text.Length, printable);
                    var charset = parameters.TryGetValue("CHARSET", out var declared) ? reading.Charset(declared, line.Origin(0))
                        : DocumentText.TextEncoding(printable.ToArray()) ?? System.Text.Encoding.Latin1;
                    if (charset is null) return;
                    Unescaped(printable.Decode(charset), view);
                    break;
                case "" or "7BIT" or "8BIT":
                    Unescaped(value, view);
                    break;
                default:
                    reading.Refuse($"it declares ENCODING={encoding} for {name}, which the build cannot decode", line.Origin(0));
                    return;
            }
            view.Append('\n', line.Origin(0));
        }
        var decoded = view.ToDecodedText();
        reading.Scan(decoded, Markup.Xml, part);
        EmbeddedFiles.Read(decoded, reading, part);
    }

    /// <summary>LDIF: unfolded, every 'attribute:: base64' value read as the text or document it holds.</summary>
    public static void ReadLdif(DecodedText text, TextReading reading, string? part)
    {
        var view = new DecodedTextBuilder();
        foreach (var line in LogicalLines(text, joinSoftBreaks: false))
        {
            var s = line.Text;
            var colon = s.IndexOf(':');
            if (!s.StartsWith('#') && colon > 0 && colon + 1 < s.Length && s[colon + 1] == ':')
            {
                var bytes = new DecodedBytes();
                TransferEncoding.Base64(line, colon + 2, s.Length, bytes);
                view.Append(line, 0, colon + 1).Append('\n', line.Origin(0));
                reading.Bytes(s[..colon], bytes, part ?? $"its {s[..colon]}");
                continue;
            }
            view.Append(line, 0, s.Length).Append('\n', line.Origin(0));
        }
        reading.Scan(view.ToDecodedText(), Markup.None, part);
    }

    /// <summary>The file's content lines, each unfolded; with <paramref name="joinSoftBreaks"/>, a quoted-printable
    /// value ending in '=' (vCard 2.1, vCalendar) goes on on the next line, the soft break kept for the decoder.</summary>
    static List<DecodedText> LogicalLines(DecodedText text, bool joinSoftBreaks)
    {
        var s = text.Text;
        var lines = new List<DecodedText>();
        var line = new DecodedTextBuilder();
        var content = new System.Text.StringBuilder();
        for (var i = 0; i < s.Length;)
        {
            var end = s.IndexOf('\n', i);
            if (end < 0) end = s.Length;
            var stop = end > i && s[end - 1] == '\r' ? end - 1 : end;
            var folded = line.Length > 0 && i < s.Length && s[i] is ' ' or '\t';
            var softBreak = joinSoftBreaks && content.Length > 0 && content[^1] == '='
                && content.ToString().AsSpan(0, Math.Max(0, ValueStart(content.ToString()))).Contains("QUOTED-PRINTABLE", StringComparison.OrdinalIgnoreCase);
            if (line.Length > 0 && !folded && !softBreak)
            {
                lines.Add(line.ToDecodedText());
                line = new DecodedTextBuilder();
                content.Clear();
            }
            if (softBreak && !folded) line.Append('\n', text.Origin(i));
            var from = folded ? i + 1 : i;
            line.Append(text, from, stop);
            content.Append(s, from, stop - from);
            i = end + 1;
        }
        if (line.Length > 0) lines.Add(line.ToDecodedText());
        return [.. lines.Select(Utf8Again)];
    }

    /// <summary>A line read as Latin-1 (the file was not valid UTF-8) that is UTF-8 once unfolded: folding splits lines
    /// between bytes (RFC 5545 3.1), so it may split a letter's bytes, and the reader joins them before decoding.</summary>
    static DecodedText Utf8Again(DecodedText line)
    {
        var s = line.Text;
        if (!s.Any(c => c >= 0x80) || s.Any(c => c > 0xFF)) return line;
        var bytes = new DecodedBytes();
        for (var i = 0; i < s.Length; i++) bytes.Add((byte)s[i], line.Origin(i));
        return System.Text.Unicode.Utf8.IsValid(bytes.ToArray()) ? bytes.Decode(System.Text.Encoding.UTF8) : line;
    }

    /// <summary>Where a content line's value starts: after the first ':' outside a quoted parameter value; -1 if none.</summary>
    static int ValueStart(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) return i;
        }
        return -1;
    }

    /// <summary>The parameters before the value (KEY=value, or vCard 2.1's bare QUOTED-PRINTABLE, BASE64, 8BIT), written
    /// into the view caret-decoded (RFC 6868), as a reader shows a CN="..." or a LABEL.</summary>
    static Dictionary<string, string> Parameters(DecodedText line, int colon, DecodedTextBuilder view)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var s = line.Text;
        for (var i = 0; i < colon; i++)
        {
            if (s[i] == '^' && i + 1 < colon && s[i + 1] is 'n' or 'N' or '\'' or '^')
            {
                view.Append(s[i + 1] switch { '\'' => '"', '^' => '^', _ => '\n' }, line.Origin(i));
                i++;
                continue;
            }
            view.Append(s[i], line.Origin(i));
        }
        view.Append(':', line.Origin(colon));
        var quoted = false;
        var start = s.IndexOf(';');
        if (start < 0 || start > colon) return parameters;
        var pieces = new List<string>();
        for (int i = start + 1, from = start + 1; i <= colon; i++)
        {
            if (i < colon && s[i] == '"') quoted = !quoted;
            if (i == colon || (s[i] == ';' && !quoted))
            {
                pieces.Add(s[from..i]);
                from = i + 1;
            }
        }
        foreach (var piece in pieces)
        {
            var equals = piece.IndexOf('=');
            if (equals > 0) parameters[piece[..equals].Trim()] = piece[(equals + 1)..].Trim('"', ' ');
            else if (piece.Trim().ToUpperInvariant() is var bare && bare is "QUOTED-PRINTABLE" or "BASE64" or "B" or "8BIT" or "7BIT") parameters["ENCODING"] = bare;
        }
        return parameters;
    }

    /// <summary>A property value with its backslash escapes undone (\n and \N a line break).</summary>
    static void Unescaped(DecodedText value, DecodedTextBuilder view)
    {
        var s = value.Text;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length)
            {
                view.Append(s[i + 1] is 'n' or 'N' ? '\n' : s[i + 1], value.Origin(i));
                i++;
                continue;
            }
            view.Append(s[i], value.Origin(i));
        }
    }
}
