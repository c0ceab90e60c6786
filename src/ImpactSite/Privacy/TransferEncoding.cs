using System.Text;

namespace ImpactSite.Privacy;

/// <summary>
/// The transfer encodings mail, calendar and address-book programs undo before they show text: quoted-printable
/// (RFC 2045, with soft line breaks), base64 (any line length, white space ignored), uuencode and yEnc; and the
/// character sets they name. Each decoded byte keeps where it came from in the file.
/// </summary>
public static class TransferEncoding
{
    static TransferEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The character set with this name (utf-8, iso-8859-1, windows-1252, utf-16, utf-7, koi8-r, ...), or null
    /// when .NET does not know it.</summary>
    public static Encoding? Charset(string name)
    {
        name = name.Trim().Trim('"', '\'');
        if (name.Equals("utf-7", StringComparison.OrdinalIgnoreCase) || name.Equals("unicode-1-1-utf-7", StringComparison.OrdinalIgnoreCase))
#pragma warning disable SYSLIB0001 // UTF-7 is obsolete for writing; mail programs still decode it, so the guard must too.
            return new UTF7Encoding();
#pragma warning restore SYSLIB0001
        if (name.Equals("latin1", StringComparison.OrdinalIgnoreCase)) return Encoding.Latin1;
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    public static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_';

    static int Base64Value(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '+' or '-' => 62,
        '/' or '_' => 63,
        _ => -1,
    };

    /// <summary>Base64 (and its URL-safe alphabet) in text[start..end], skipping white space and anything else, to the
    /// first '='.</summary>
    public static void Base64(DecodedText text, int start, int end, DecodedBytes into)
    {
        int bits = 0, count = 0;
        for (var i = start; i < end; i++)
        {
            var c = text.Text[i];
            if (c == '=') break;
            var value = Base64Value(c);
            if (value < 0) continue;
            bits = bits << 6 | value;
            count += 6;
            if (count < 8) continue;
            count -= 8;
            into.Add((byte)(bits >> count), text.Origin(i));
            bits &= (1 << count) - 1;
        }
    }

    /// <summary>Quoted-printable in text[start..end]: '=XX' is a byte, '=' at the end of a line joins it to the next,
    /// anything else is itself (as UTF-8 when it is beyond ASCII). With <paramref name="underscoreIsSpace"/>, as in an
    /// encoded word (RFC 2047 'Q'), '_' is a space.</summary>
    public static void QuotedPrintable(DecodedText text, int start, int end, DecodedBytes into, bool underscoreIsSpace = false)
    {
        var s = text.Text;
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c == '=' && i + 2 < end && char.IsAsciiHexDigit(s[i + 1]) && char.IsAsciiHexDigit(s[i + 2]))
            {
                into.Add(Convert.ToByte(s.Substring(i + 1, 2), 16), text.Origin(i));
                i += 2;
                continue;
            }
            if (c == '=')
            {
                // A soft line break: '=', maybe trailing white space, then the line's end.
                var j = i + 1;
                while (j < end && s[j] is ' ' or '\t') j++;
                if (j < end && s[j] == '\r') j++;
                if (j < end && s[j] == '\n') { i = j; continue; }
                if (j >= end) break;
            }
            if (underscoreIsSpace && c == '_') c = ' ';
            if (c < 0x80) into.Add((byte)c, text.Origin(i));
            else
                foreach (var b in utf8[..Encoding.UTF8.GetBytes([c], utf8)]) into.Add(b, text.Origin(i));
        }
    }

    /// <summary>The lines of a uuencoded body (after 'begin', up to 'end'): each starts with its length.</summary>
    public static void Uudecode(DecodedText text, int start, int end, DecodedBytes into)
    {
        var s = text.Text;
        for (var line = start; line < end;)
        {
            var next = s.IndexOf('\n', line, end - line);
            if (next < 0) next = end;
            var length = next > line ? (s[line] - ' ') & 63 : 0;
            var written = 0;
            for (var i = line + 1; i + 3 < next + 1 && written < length; i += 4)
            {
                int Value(int k) => k < next ? (s[k] - ' ') & 63 : 0;
                var group = Value(i) << 18 | Value(i + 1) << 12 | Value(i + 2) << 6 | Value(i + 3);
                for (var b = 0; b < 3 && written < length; b++, written++) into.Add((byte)(group >> (16 - 8 * b)), text.Origin(i));
            }
            line = next + 1;
        }
    }

    /// <summary>yEnc (the encoding of Usenet binaries): each byte plus 42, '=' escaping the next one (plus 64 more).</summary>
    public static void YDecode(DecodedText text, int start, int end, DecodedBytes into)
    {
        var s = text.Text;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c is '\r' or '\n') continue;
            if (c == '=' && i + 1 < end) c = (char)(s[++i] - 64);
            into.Add((byte)(c - 42), text.Origin(i));
        }
    }
}
