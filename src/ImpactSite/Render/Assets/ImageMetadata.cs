using System.Buffers.Binary;
using System.Text;
using ImpactSite.Validate;

namespace ImpactSite.Render.Assets;

/// <summary>
/// What <see cref="ImageMetadata.Strip"/> made of a file. Removed names each kind of metadata taken out ("EXIF", "GPS",
/// "XMP", "IPTC", "comment", "PNG text", ...). When Problem is set the file could not be read, and Content is the input
/// unchanged: it still carries its metadata, so it must not be published. Mismatch is set when the file's name does not
/// match the kind of image it holds (it was still cleaned).
/// </summary>
public sealed record StripResult(byte[] Content, string? Problem, IReadOnlyList<string> Removed, string? Mismatch = null);

/// <summary>
/// Removes hidden metadata (EXIF with GPS position, XMP, IPTC, comments, text chunks) from JPEG, PNG, WebP and GIF files.
/// It works on the container only and copies the compressed pixel data byte for byte, because decoding and re-encoding
/// would recompress JPEG and WebP lossily. ICC colour profiles stay: they are not personal data, and dropping them
/// changes colours.
/// </summary>
public static class ImageMetadata
{
    sealed record Format(string Name, string[] Extensions, Action<byte[], Output> Clean)
    {
        public bool Names(string path) => Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
    }

    static readonly Format Jpeg = new("JPEG", [".jpg", ".jpeg"], CleanJpeg);
    static readonly Format Png = new("PNG", [".png"], CleanPng);
    static readonly Format WebP = new("WebP", [".webp"], CleanWebP);
    static readonly Format Gif = new("GIF", [".gif"], CleanGif);

    static readonly Format[] Formats = [Jpeg, Png, WebP, Gif];

    const string Trailing = "data after the image end";

    public static bool IsImage(string path) => Formats.Any(f => f.Names(path));

    /// <summary>Whether the content is a JPEG, PNG, WebP or GIF picture, whatever its name.</summary>
    public static bool IsPicture(ReadOnlySpan<byte> content) => Detect(content) is not null;

    /// <summary>
    /// Why a picture of a format this class cannot clean must not be published (TIFF, HEIC/HEIF, AVIF, JPEG XL, JPEG 2000,
    /// BMP, ICO, Photoshop): each can carry EXIF with the GPS position where it was taken. Null for any other content.
    /// </summary>
    public static string? Refusal(ReadOnlySpan<byte> d)
    {
        var format = d.StartsWith("II*\0"u8) || d.StartsWith("MM\0*"u8) || d.StartsWith("II+\0"u8) || d.StartsWith("MM\0+"u8) ? "TIFF (or camera raw)"
            : d.Length >= 12 && d[4..].StartsWith("ftyp"u8) && IsStillImageBrand(d[8..12]) ? "HEIC/HEIF/AVIF"
            : d.StartsWith<byte>([0xFF, 0x0A]) || d.StartsWith<byte>([0, 0, 0, 0x0C, (byte)'J', (byte)'X', (byte)'L', (byte)' ']) ? "JPEG XL"
            : d.StartsWith<byte>([0, 0, 0, 0x0C, (byte)'j', (byte)'P', (byte)' ', (byte)' ']) || d.StartsWith<byte>([0xFF, 0x4F, 0xFF, 0x51]) ? "JPEG 2000"
            : d.StartsWith("8BPS"u8) ? "Photoshop"
            : d.StartsWith("BM"u8) && d.Length > 14 ? "BMP"
            : d.StartsWith<byte>([0, 0, 1, 0]) && d.Length > 6 ? "ICO"
            : null;
        return format is null ? null
            : $"it is a {format} picture, which can carry hidden metadata (EXIF, with the GPS position where it was taken) that the build cannot remove: save it as JPEG, PNG, WebP or GIF";
    }

    static bool IsStillImageBrand(ReadOnlySpan<byte> brand) =>
        brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("hevc"u8) || brand.SequenceEqual("heim"u8)
        || brand.SequenceEqual("heis"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("avif"u8)
        || brand.SequenceEqual("avis"u8) || brand.SequenceEqual("mif2"u8);

    /// <summary>The asset as it is to be published; an image that cannot be cleaned is a located error.</summary>
    public static byte[] Publish(string path, byte[] content, DiagnosticBag diagnostics)
    {
        var result = Strip(path, content);
        if (result.Problem is not null)
            diagnostics.Error(path, 1, 1, $"this image could not be read to remove its hidden metadata ({result.Problem}); re-save it as a standard JPEG/PNG.");
        else if (result.Mismatch is not null)
            diagnostics.Warning(path, 1, 1, result.Mismatch);
        return result.Content;
    }

    /// <summary>
    /// Cleans any file whose first bytes say it is a JPEG, PNG, WebP or GIF, whatever its name. Other files come back
    /// unchanged, with a Problem if their name says they are one of those images. Never throws.
    /// </summary>
    public static StripResult Strip(string path, byte[] content)
    {
        var format = Detect(content);
        if (format is null)
            return new(content, IsImage(path) ? "its content is not a JPEG, PNG, WebP or GIF image" : null, []);
        var output = new Output(content);
        try
        {
            format.Clean(content, output);
        }
        catch (Malformed e)
        {
            return new(content, e.Message, []);
        }
        var mismatch = format.Names(path) ? null
            : $"this file holds a {format.Name} image, which its name does not say: rename it to end in {format.Extensions[0]} so it is served as one.";
        return new(output.Bytes.ToArray(), null, output.Removed, mismatch);
    }

    static Format? Detect(ReadOnlySpan<byte> d) =>
        d.StartsWith<byte>([0xFF, 0xD8, 0xFF]) ? Jpeg
        : d.StartsWith<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : d.Length >= 12 && d.StartsWith("RIFF"u8) && d[8..].StartsWith("WEBP"u8) ? WebP
        : d.StartsWith("GIF87a"u8) || d.StartsWith("GIF89a"u8) ? Gif
        : null;

    /// <summary>
    /// Copies every segment but comments and application segments, of which it keeps the ones decoders use: APP0 JFIF,
    /// APP2 ICC_PROFILE and APP14 Adobe (its colour transform flag). Entropy-coded scan data is copied as it is; the same
    /// rules apply between the scans of a progressive JPEG, and the file ends at EOI.
    /// </summary>
    static void CleanJpeg(byte[] d, Output o)
    {
        o.Keep(0, 2);
        var at = 2;
        var sawScan = false;
        while (true)
        {
            var start = at;
            Need(d, at, 1, "a JPEG marker");
            if (d[at] != 0xFF)
                throw new Malformed($"the JPEG has unexpected bytes at offset {at}");
            while (at + 1 < d.Length && d[at + 1] == 0xFF) at++; // 0xFF fill bytes may pad a marker
            at = Need(d, at, 2, "a JPEG marker");
            var marker = d[at - 1];
            if (marker == 0xD9)
            {
                if (!sawScan) throw new Malformed("the JPEG ends before its image data");
                o.Keep(start, at);
                if (at < d.Length) o.Drop(Trailing);
                return;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) // these markers have no length
            {
                o.Keep(start, at);
                continue;
            }
            if (marker is 0x00 or 0xD8) throw new Malformed($"the JPEG has an unexpected marker at offset {at - 2}");
            Need(d, at, 2, "a JPEG segment");
            var end = Need(d, at, BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(at)), "a JPEG segment");
            if (end < at + 2) throw new Malformed($"the JPEG has a segment with an impossible length at offset {at}");
            var body = d.AsSpan(at + 2, end - at - 2);
            var label = marker switch
            {
                0xFE => "comment",
                0xE0 when body.StartsWith("JFIF\0"u8) => null,
                0xE1 when body.StartsWith("Exif\0\0"u8) => o.Exif(body[6..]),
                0xE1 when body.StartsWith("http://ns.adobe.com/x"u8) => "XMP", // xap/1.0/ and xmp/extension/
                0xE2 when body.StartsWith("ICC_PROFILE\0"u8) => null,
                0xED => "IPTC", // Photoshop resources, which hold IPTC
                0xEE when body.StartsWith("Adobe"u8) => null,
                >= 0xE0 and <= 0xEF => $"APP{marker - 0xE0}",
                _ => null,
            };
            if (label is null) o.Keep(start, end);
            else o.Drop(label);
            at = end;
            if (marker == 0xDA)
            {
                sawScan = true;
                at = ScanEnd(d, at);
                o.Keep(end, at);
            }
        }
    }

    /// <summary>Scan data runs to the next marker: FF 00 is an escaped FF byte and FF D0-D7 are restart markers within it.</summary>
    static int ScanEnd(byte[] d, int at)
    {
        for (; at + 1 < d.Length; at++)
            if (d[at] == 0xFF && d[at + 1] != 0x00 && d[at + 1] is not (>= 0xD0 and <= 0xD7))
                return at;
        throw new Malformed("the JPEG ends in the middle of its image data");
    }

    /// <summary>The PNG chunks a picture needs to look right (critical ones, colour and transparency, APNG animation);
    /// every other chunk, private ones included, may hold anything and is dropped.</summary>
    static readonly HashSet<string> PngPicture =
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD", "cICP", "mDCv", "cLLi", "acTL", "fcTL", "fdAT"];

    /// <summary>Copies the picture's chunks up to IEND, dropping text, eXIf, the tIME stamp and any chunk not known to
    /// be part of the picture.</summary>
    static void CleanPng(byte[] d, Output o)
    {
        o.Keep(0, 8);
        var at = 8;
        while (true)
        {
            Need(d, at, 8, "a PNG chunk");
            var length = BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(at));
            var type = Encoding.ASCII.GetString(d, at + 4, 4);
            var end = Need(d, at, 12L + length, "a PNG chunk");
            var body = d.AsSpan(at + 8, (int)length);
            var label = type switch
            {
                "iTXt" when body.StartsWith("XML:com.adobe.xmp\0"u8) => "XMP",
                "tEXt" or "zTXt" or "iTXt" => "PNG text",
                "eXIf" => o.Exif(body),
                "tIME" => "PNG timestamp",
                _ when PngPicture.Contains(type) => null,
                _ when (type[0] & 0x20) == 0 => throw new Malformed($"the PNG has a critical chunk '{type}' that is not part of the standard"),
                _ => "PNG private data",
            };
            if (label is null) o.Keep(at, end);
            else o.Drop(label);
            at = end;
            if (type == "IEND")
            {
                if (at < d.Length) o.Drop(Trailing);
                return;
            }
        }
    }

    /// <summary>Drops the EXIF and XMP chunks, clears VP8X's flags for them, and rewrites the RIFF size; ICCP stays.</summary>
    static void CleanWebP(byte[] d, Output o)
    {
        var riffEnd = Need(d, 8, BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(4)), "the WebP file");
        if (riffEnd <= 12) throw new Malformed("the WebP file is empty");
        o.Keep(0, 12);
        for (var at = 12; at < riffEnd;)
        {
            Need(d, at, 8, "a WebP chunk", riffEnd);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(d.AsSpan(at + 4));
            var end = Need(d, at, 8L + size + (size & 1), "a WebP chunk", riffEnd); // chunks are padded to an even size
            var body = d.AsSpan(at + 8, (int)size);
            switch (Encoding.ASCII.GetString(d, at, 4))
            {
                case "EXIF": o.Drop(o.Exif(body)); break;
                case "XMP ": o.Drop("XMP"); break;
                case "VP8X" when size > 0:
                    var chunk = d[at..end];
                    chunk[8] &= unchecked((byte)~0x0C); // the EXIF (0x08) and XMP (0x04) flags
                    o.Bytes.Write(chunk);
                    break;
                case "VP8 " or "VP8L" or "VP8X" or "ALPH" or "ANIM" or "ANMF" or "ICCP": o.Keep(at, end); break;
                default: o.Drop("WebP private data"); break;
            }
            at = end;
        }
        if (riffEnd < d.Length) o.Drop(Trailing);
        BinaryPrimitives.WriteUInt32LittleEndian(o.Bytes.GetBuffer().AsSpan(4), (uint)(o.Bytes.Length - 8));
    }

    /// <summary>
    /// Copies blocks up to the trailer, dropping comment extensions and application extensions other than looping
    /// (NETSCAPE2.0, ANIMEXTS1.0) and the ICC profile (ICCRGBG1012): the others hold XMP or ImageMagick's IPTC/8BIM.
    /// </summary>
    static void CleanGif(byte[] d, Output o)
    {
        var at = Need(d, 0, 13, "the GIF header");
        at = Need(d, at, ColourTableSize(d[10]), "the GIF colour table");
        o.Keep(0, at);
        while (true)
        {
            var start = at;
            Need(d, at, 1, "a GIF block");
            string? label = null;
            switch (d[at])
            {
                case 0x3B:
                    o.Keep(at, at + 1);
                    if (at + 1 < d.Length) o.Drop(Trailing);
                    return;
                case 0x2C:
                    at = Need(d, at, 10, "a GIF image descriptor");
                    at = SubBlocks(d, Need(d, at, ColourTableSize(d[at - 1]) + 1L, "a GIF image")); // + LZW code size
                    break;
                case 0x21:
                    at = SubBlocks(d, Need(d, at, 2, "a GIF extension"));
                    label = GifExtension(d.AsSpan(start + 1, at - start - 1));
                    break;
                default:
                    throw new Malformed($"the GIF has an unknown block at offset {at}");
            }
            if (label is null) o.Keep(start, at);
            else o.Drop(label);
        }
    }

    /// <summary>The metadata an extension (from its label byte on) holds, or null for one to keep.</summary>
    static string? GifExtension(ReadOnlySpan<byte> e)
    {
        if (e[0] == 0xFE) return "comment";
        if (e[0] != 0xFF) return null; // graphic control and plain text extensions are part of the picture
        var application = e[1] == 11 ? Encoding.ASCII.GetString(e.Slice(2, 11)) : "";
        return application is "NETSCAPE2.0" or "ANIMEXTS1.0" or "ICCRGBG1012" ? null
            : application == "XMP DataXMP" ? "XMP"
            : "GIF application data";
    }

    static int ColourTableSize(byte packed) => (packed & 0x80) == 0 ? 0 : 3 << ((packed & 7) + 1);

    /// <summary>GIF data is a run of sub-blocks, each led by its length, ended by an empty one.</summary>
    static int SubBlocks(byte[] d, int at)
    {
        while (true)
        {
            Need(d, at, 1, "a GIF data block");
            var size = d[at];
            at = Need(d, at, 1 + size, "a GIF data block");
            if (size == 0) return at;
        }
    }

    /// <summary>The end of count bytes from at, which must lie within the limit (by default the file).</summary>
    static int Need(byte[] d, int at, long count, string what, int limit = -1)
    {
        if (limit < 0) limit = d.Length;
        if (at + count > limit) throw new Malformed($"it ends in the middle of {what}");
        return (int)(at + count);
    }

    /// <summary>The reader's way out of a file it cannot follow; Strip turns it into a Problem.</summary>
    sealed class Malformed(string message) : Exception(message);

    sealed class Output(byte[] source)
    {
        public readonly MemoryStream Bytes = new(source.Length);
        public readonly List<string> Removed = [];

        public void Keep(int start, int end) => Bytes.Write(source, start, end - start);

        public void Drop(string what)
        {
            if (!Removed.Contains(what)) Removed.Add(what);
        }

        /// <summary>The label for an EXIF block, noting GPS on its own too (as the most sensitive part) when it has one.</summary>
        public string Exif(ReadOnlySpan<byte> tiff)
        {
            if (tiff.StartsWith("Exif\0\0"u8)) tiff = tiff[6..]; // WebP writers differ on keeping this JPEG prefix
            if (HasGps(tiff)) Drop("GPS");
            return "EXIF";
        }

        /// <summary>Whether the first IFD of the EXIF (TIFF) data points to a GPS IFD, with tag 0x8825.</summary>
        static bool HasGps(ReadOnlySpan<byte> tiff)
        {
            if (!tiff.StartsWith("II"u8) && !tiff.StartsWith("MM"u8)) return false;
            var little = tiff[0] == 'I';
            var ifd = Read(tiff, 4, 4, little);
            for (long i = 0, count = Read(tiff, ifd, 2, little); i < count; i++)
                if (Read(tiff, ifd + 2 + 12 * i, 2, little) == 0x8825) return true;
            return false;
        }

        /// <summary>The 2- or 4-byte unsigned number at a TIFF offset, or -1 when it lies outside the data.</summary>
        static long Read(ReadOnlySpan<byte> tiff, long at, int size, bool little)
        {
            if (at < 0 || at + size > tiff.Length) return -1;
            var b = tiff.Slice((int)at, size);
            return size == 2
                ? little ? BinaryPrimitives.ReadUInt16LittleEndian(b) : BinaryPrimitives.ReadUInt16BigEndian(b)
                : little ? BinaryPrimitives.ReadUInt32LittleEndian(b) : BinaryPrimitives.ReadUInt32BigEndian(b);
        }
    }
}
