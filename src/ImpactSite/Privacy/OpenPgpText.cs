using System.IO.Compression;
using System.Text;

namespace ImpactSite.Privacy;

/// <summary>
/// OpenPGP data (RFC 4880: public keys, signatures, signed messages), as a key manager or mail program shows it: user
/// IDs ("Name &lt;address&gt;") and every other packet's text as UTF-8, compressed packets unpacked, literal data (a
/// signed message's text or file) read as a file of its own. Encrypted packets cannot be read, so they are refused.
/// </summary>
public static class OpenPgpText
{
    const int MaxDepth = 8;

    /// <summary>Whether the bytes are a run of whole OpenPGP packets.</summary>
    public static bool IsPackets(ReadOnlySpan<byte> d) => d.Length > 1 && (d[0] & 0x80) != 0 && Walk(d, (_, _) => { });

    /// <summary>Reads the packets into the scan; the problem, or null. <paramref name="file"/> reads literal data.</summary>
    public static string? Read(byte[] d, NameScan scan, Func<string, byte[], string?> file, int depth = 0)
    {
        string? problem = null;
        Walk(d, (tag, body) =>
        {
            if (problem is not null) return;
            problem = tag switch
            {
                1 or 3 or 9 or 18 or 20 => "it holds encrypted OpenPGP data, which cannot be read without its key",
                8 => Compressed(body, scan, file, depth),
                11 => Literal(body, scan, file),
                _ => Text(body, scan),
            };
        });
        return problem;
    }

    static string? Text(ReadOnlySpan<byte> body, NameScan scan)
    {
        var text = Encoding.UTF8.GetString(body).ToCharArray();
        for (var i = 0; i < text.Length; i++) if (char.IsControl(text[i])) text[i] = ' ';
        scan.Read(new string(text), Markup.None, "OpenPGP data");
        return null;
    }

    /// <summary>A literal data packet: format, file name, date, then the data.</summary>
    static string? Literal(ReadOnlySpan<byte> body, NameScan scan, Func<string, byte[], string?> file)
    {
        if (body.Length < 2 || body.Length < 6 + body[1]) return "it holds OpenPGP literal data that is cut short";
        var name = Encoding.UTF8.GetString(body.Slice(2, body[1]));
        Text(body.Slice(2, body[1]), scan);
        return file(name.Length == 0 ? "message.txt" : name, body[(6 + body[1])..].ToArray());
    }

    static string? Compressed(ReadOnlySpan<byte> body, NameScan scan, Func<string, byte[], string?> file, int depth)
    {
        if (body.Length == 0 || depth >= MaxDepth) return "it holds OpenPGP data nested too deeply to check";
        try
        {
            var packed = new MemoryStream(body[1..].ToArray());
            using Stream? unpacking = body[0] switch { 0 => packed, 1 => new DeflateStream(packed, CompressionMode.Decompress), 2 => new ZLibStream(packed, CompressionMode.Decompress), _ => null };
            if (unpacking is null) return $"it holds OpenPGP data compressed by algorithm {body[0]}, which the build cannot unpack";
            var unpacked = new MemoryStream();
            unpacking.CopyTo(unpacked);
            var inner = unpacked.ToArray();
            return IsPackets(inner) ? Read(inner, scan, file, depth + 1) : "it holds compressed OpenPGP data that is not OpenPGP packets";
        }
        catch (InvalidDataException e)
        {
            return $"it holds compressed OpenPGP data that cannot be unpacked ({e.Message.TrimEnd('.')})";
        }
    }

    delegate void PacketAction(int tag, ReadOnlySpan<byte> body);

    /// <summary>Calls the action with each packet's tag and body; false when the bytes are not whole packets (a partial
    /// body length, which streams write, counts as not: such data is refused as unreadable).</summary>
    static bool Walk(ReadOnlySpan<byte> d, PacketAction action)
    {
        while (d.Length > 0)
        {
            int header = d[0], tag, at, length;
            if ((header & 0x80) == 0 || d.Length < 2) return false;
            if ((header & 0x40) != 0)
            {
                tag = header & 0x3F;
                int first = d[1];
                (at, length) = first switch
                {
                    < 192 => (2, first),
                    < 224 when d.Length > 2 => (3, ((first - 192) << 8) + d[2] + 192),
                    255 when d.Length > 5 => (6, d[2] << 24 | d[3] << 16 | d[4] << 8 | d[5]),
                    _ => (0, -1),
                };
            }
            else
            {
                tag = (header >> 2) & 0xF;
                (at, length) = (header & 3) switch
                {
                    0 => (2, (int)d[1]),
                    1 when d.Length > 2 => (3, d[1] << 8 | d[2]),
                    2 when d.Length > 4 => (5, d[1] << 24 | d[2] << 16 | d[3] << 8 | d[4]),
                    3 => (1, d.Length - 1),
                    _ => (0, -1),
                };
            }
            if (length < 0 || at + length > d.Length || tag == 0) return false;
            action(tag, d.Slice(at, length));
            d = d[(at + length)..];
        }
        return true;
    }
}
