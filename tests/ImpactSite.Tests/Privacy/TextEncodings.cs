using System.IO.Compression;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Text files written as each format's own writers write them, with a name folded, wrapped and encoded at random
/// places: each knows the line of the file where the name's encoded form starts, which is where the guard must report it.
/// </summary>
public static class TextEncodings
{
    /// <summary>A file being written, remembering the line on which the name starts.</summary>
    public sealed class Writer
    {
        readonly StringBuilder text = new();

        public int Line => 1 + text.ToString().Count(c => c == '\n');
        public int NameLine { get; private set; }

        public Writer Add(string s)
        {
            text.Append(s);
            return this;
        }

        /// <summary>Adds s, whose character at <paramref name="nameAt"/> is the name's first.</summary>
        public Writer AddWithName(string s, int nameAt)
        {
            NameLine = Line + s[..nameAt].Count(c => c == '\n');
            return Add(s);
        }

        public Writer SetNameLine(int line)
        {
            NameLine = line;
            return this;
        }

        public override string ToString() => text.ToString();
    }

    /// <summary>A content line folded as RFC 5545/6350 say: CRLF and a space inserted at random bytes (so a letter's
    /// UTF-8 bytes may be split), lines at most 75 bytes long. Returns the bytes and on which of its lines byte
    /// <paramref name="marked"/> is.</summary>
    public static (byte[] Bytes, int MarkedLine) Fold(string line, int marked, Random r)
    {
        var bytes = Encoding.UTF8.GetBytes(line);
        var markedByte = Encoding.UTF8.GetByteCount(line[..marked]);
        var output = new List<byte>();
        var lines = 0;
        var markedLine = 0;
        var length = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0 && (length >= 74 || r.Next(6) == 0))
            {
                output.AddRange("\r\n "u8.ToArray());
                lines++;
                length = 1;
            }
            if (i == markedByte) markedLine = lines;
            output.Add(bytes[i]);
            length++;
        }
        output.AddRange("\r\n"u8.ToArray());
        return ([.. output], markedLine);
    }

    /// <summary>Quoted-printable (RFC 2045): some letters as =XX at random, every byte beyond ASCII, and soft line breaks
    /// ('=' at a line's end) at random places; line breaks stay. Returns the text and which of its lines (from 0) holds
    /// the marked character.</summary>
    public static (string Text, int MarkedLine) QuotedPrintable(string text, int marked, Random r)
    {
        var output = new StringBuilder();
        var markedLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && text[i - 1] != '\r' && text[i] != '\n' && r.Next(5) == 0) output.Append("=\r\n");
            if (i == marked) markedLine = output.ToString().Count(c => c == '\n');
            var c = text[i];
            if (c >= 0x80 || c == '=' || (c is not ('\r' or '\n') && r.Next(4) == 0)) foreach (var b in Encoding.UTF8.GetBytes(c.ToString())) output.Append($"={b:X2}");
            else output.Append(c);
        }
        return (output.ToString(), markedLine);
    }

    /// <summary>Base64 of the text's UTF-8 in lines of a random length. Returns the text and the line holding the last
    /// character of the marked character's first byte (where a decoder has that byte).</summary>
    public static (string Text, int MarkedLine) Base64(string text, int marked, Random r)
    {
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        var width = 4 * r.Next(3, 20);
        var markedByte = Encoding.UTF8.GetByteCount(text[..marked]);
        var markedChar = 4 * (markedByte / 3) + markedByte % 3 + 1;
        var lines = Enumerable.Range(0, (encoded.Length + width - 1) / width).Select(i => encoded.Substring(i * width, Math.Min(width, encoded.Length - i * width)));
        return (string.Join("\r\n", lines), markedChar / width);
    }

    /// <summary>The text as RFC 2047 encoded words, split at random places (between the bytes of a letter too) into
    /// several words, Q or B at random, on folded header lines.</summary>
    public static string EncodedWords(string text, Random r)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var words = new List<string>();
        for (var at = 0; at < bytes.Length;)
        {
            var take = Math.Min(bytes.Length - at, r.Next(1, 8));
            var piece = bytes.AsSpan(at, take).ToArray();
            words.Add(r.Next(2) == 0
                ? $"=?utf-8?B?{Convert.ToBase64String(piece)}?="
                : $"=?UTF-8?Q?{string.Concat(piece.Select(b => b == ' ' ? "_" : char.IsAsciiLetter((char)b) && r.Next(3) > 0 ? ((char)b).ToString() : $"={b:X2}"))}?=");
            at += take;
        }
        return string.Join(r.Next(2) == 0 ? "\r\n " : " ", words);
    }

    /// <summary>A parameter in RFC 2231 sections (name*0*=utf-8''..; name*1*=..), percent-encoded at random, each section
    /// on a folded line. Returns the text and the section (from 0) holding the marked character's first byte.</summary>
    public static (string Text, int MarkedSection) Rfc2231(string name, string value, int marked, Random r)
    {
        var markedByte = Encoding.UTF8.GetByteCount(value[..marked]);
        var markedSection = 0;
        var bytes = Encoding.UTF8.GetBytes(value);
        var sections = new List<string>();
        for (var at = 0; at < bytes.Length;)
        {
            var take = Math.Min(bytes.Length - at, r.Next(2, 9));
            if (markedByte >= at && markedByte < at + take) markedSection = sections.Count;
            var encoded = string.Concat(bytes.AsSpan(at, take).ToArray().Select(b => char.IsAsciiLetterOrDigit((char)b) && r.Next(3) > 0 ? ((char)b).ToString() : $"%{b:X2}"));
            sections.Add($"{name}*{sections.Count}*={(sections.Count == 0 ? "utf-8''" : "")}{encoded}");
            at += take;
        }
        return (string.Join(";\r\n ", sections), markedSection);
    }

    /// <summary>A uuencoded block ('begin 644 name' ... 'end'), 45 bytes a line.</summary>
    public static string Uuencode(string fileName, byte[] bytes)
    {
        var lines = new StringBuilder($"begin 644 {fileName}\n");
        for (var at = 0; at < bytes.Length; at += 45)
        {
            var chunk = bytes.AsSpan(at, Math.Min(45, bytes.Length - at)).ToArray();
            lines.Append((char)(' ' + chunk.Length));
            for (var i = 0; i < chunk.Length; i += 3)
            {
                int B(int k) => i + k < chunk.Length ? chunk[i + k] : 0;
                var group = B(0) << 16 | B(1) << 8 | B(2);
                for (var s = 18; s >= 0; s -= 6) lines.Append((char)(((group >> s) & 63) == 0 ? '`' : ' ' + ((group >> s) & 63)));
            }
            lines.Append('\n');
        }
        return lines.Append("`\nend\n").ToString();
    }

    /// <summary>A self-signed certificate (DER) whose subject names the person, as a PEM block: 64 base64 characters a line.</summary>
    public static string CertificatePem(string name, Random r)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddOrganizationName("LEAP North");
        if (r.Next(2) == 0) subject.AddCommonName(name);
        else subject.AddOrganizationalUnitName($"Chaired by {name}");
        var request = new CertificateRequest(subject.Build(), key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
        return certificate.ExportCertificatePem();
    }

    /// <summary>An OpenPGP packet in the new format (RFC 4880 4.2), with a one-, two- or five-byte length.</summary>
    public static byte[] PgpPacket(int tag, byte[] body)
    {
        byte[] length = body.Length switch
        {
            < 192 => [(byte)body.Length],
            < 8384 => [(byte)(((body.Length - 192) >> 8) + 192), (byte)(body.Length - 192)],
            _ => [255, (byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length],
        };
        return [(byte)(0xC0 | tag), .. length, .. body];
    }

    /// <summary>A signed message's text as OpenPGP writes it: literal data (tag 11) compressed with zlib (tag 8).</summary>
    public static byte[] PgpCompressedMessage(string fileName, byte[] content)
    {
        var literal = PgpPacket(11, [(byte)'t', (byte)fileName.Length, .. Encoding.UTF8.GetBytes(fileName), 0, 0, 0, 0, .. content]);
        var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal)) zlib.Write(literal);
        return PgpPacket(8, [2, .. packed.ToArray()]);
    }

    /// <summary>OpenPGP ASCII armour (RFC 4880 6.2): a header line, a blank line, base64 in lines of 76, the CRC-24 line.</summary>
    public static string PgpArmour(string label, byte[] data)
    {
        var crc = 0xB704CE;
        foreach (var b in data)
        {
            crc ^= b << 16;
            for (var i = 0; i < 8; i++)
            {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) crc ^= 0x1864CFB;
            }
        }
        var body = Convert.ToBase64String(data, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n");
        var check = Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
        return $"-----BEGIN {label}-----\nVersion: Test 1.0\n\n{body}\n={check}\n-----END {label}-----\n";
    }

    /// <summary>A label in punycode (RFC 3492) without its "xn--", as browsers write a host with letters beyond ASCII.</summary>
    public static string PunycodeLabel(string label) => new System.Globalization.IdnMapping().GetAscii(label)["xn--".Length..];
}
