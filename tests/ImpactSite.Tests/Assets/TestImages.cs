using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ImageMagick;

namespace ImpactSite.Tests.Assets;

/// <summary>
/// Real images, written by ImageMagick, carrying each kind of hidden metadata. Each kind has its own planted text so a
/// test can tell which one survived. What ImageMagick does not write (PNG zTXt/iTXt/XMP, GIF XMP) is added by hand.
/// </summary>
static class TestImages
{
    public const string ExifText = "Zebedee Withheldname (EXIF artist)";
    public const string XmpText = "Zebedee Withheldname (XMP creator)";
    public const string IptcText = "Zebedee Withheldname (IPTC by-line)";
    public const string CommentText = "Zebedee Withheldname (comment)";
    public const string PngText = "Zebedee Withheldname (PNG iTXt)";

    /// <summary>A 51°30'12.34"N, 0°7'39.5"W position, as EXIF stores it.</summary>
    static readonly Rational[] Latitude = [new(51, 1), new(30, 1), new(1234, 100)];
    static readonly Rational[] Longitude = [new(0, 1), new(7, 1), new(395, 10)];

    public static byte[] Jpeg(string variant = "baseline")
    {
        using var image = Picture();
        if (variant == "cmyk") image.ColorSpace = ColorSpace.CMYK; // makes ImageMagick write an APP14 Adobe segment
        image.SetProfile(variant == "cmyk" ? ColorProfiles.USWebCoatedSWOP : ColorProfiles.SRGB);
        AddMetadata(image);
        image.Settings.Interlace = variant == "progressive" ? Interlace.Jpeg : Interlace.NoInterlace;
        image.Quality = 80;
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    public static byte[] PlainJpeg()
    {
        using var image = Picture();
        return image.ToByteArray(MagickFormat.Jpeg);
    }

    /// <summary>ImageMagick writes eXIf, tIME and tEXt (the comment); zTXt, iTXt and iTXt XMP are added before IDAT.</summary>
    public static byte[] Png()
    {
        using var image = Picture();
        image.SetProfile(ColorProfiles.AdobeRGB1998); // an sRGB profile would be written as an sRGB chunk, not iCCP
        AddMetadata(image);
        var png = image.ToByteArray(MagickFormat.Png);
        var idat = PngChunks(png).First(c => c.Type == "IDAT").Offset;
        return [.. png[..idat],
            .. PngChunk("zTXt", [.. "Author\0\0"u8, .. Deflate(ExifText)]),
            .. PngChunk("iTXt", [.. "Description\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(PngText)]),
            .. PngChunk("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Xmp().ToByteArray()]),
            .. png[idat..]];
    }

    /// <summary>Lossy WebP: ImageMagick writes VP8X, ICCP, VP8, EXIF and XMP chunks.</summary>
    public static byte[] WebP()
    {
        using var image = Picture();
        image.SetProfile(ColorProfiles.SRGB);
        AddMetadata(image);
        image.Quality = 70;
        return image.ToByteArray(MagickFormat.WebP);
    }

    /// <summary>
    /// A looping two-frame GIF. ImageMagick writes the comment, the ICC profile and IPTC (as an MGKIPTC0000 application
    /// extension); XMP is added by hand before the trailer, in the XMP spec's form with its 258-byte "magic trailer".
    /// </summary>
    public static byte[] Gif()
    {
        using var frames = new MagickImageCollection();
        foreach (var flip in new[] { false, true })
        {
            var frame = Picture();
            if (flip) frame.Flip();
            frame.SetProfile(ColorProfiles.SRGB);
            AddMetadata(frame);
            frame.AnimationDelay = 50;
            frames.Add(frame);
        }
        frames[0].AnimationIterations = 0;
        var gif = frames.ToByteArray(MagickFormat.Gif);
        byte[] magicTrailer = [0x01, .. Enumerable.Range(0, 256).Select(i => (byte)(0xFF - i)), 0x00];
        return [.. gif[..^1], 0x21, 0xFF, 11, .. "XMP DataXMP"u8, .. Xmp().ToByteArray(), .. magicTrailer, 0x3B];
    }

    static MagickImage Picture() => new("gradient:#c04020-#2060e0", 40, 24);

    static void AddMetadata(MagickImage image)
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Artist, ExifText);
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, Latitude);
        exif.SetValue(ExifTag.GPSLongitudeRef, "W");
        exif.SetValue(ExifTag.GPSLongitude, Longitude);
        image.SetProfile(exif);
        image.SetProfile(Xmp());
        var iptc = new IptcProfile();
        iptc.SetValue(IptcTag.Byline, IptcText);
        image.SetProfile(iptc);
        image.Comment = CommentText;
    }

    static XmpProfile Xmp() => new(Encoding.UTF8.GetBytes($"""
        <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
        <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="{XmpText}"/></rdf:RDF></x:xmpmeta>
        """));

    static byte[] Deflate(string text)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal)) zlib.Write(Encoding.Latin1.GetBytes(text));
        return buffer.ToArray();
    }

    // Readers for the containers, written independently of the code under test.

    public sealed record Part(string Type, int Offset, byte[] Bytes);

    public static List<Part> PngChunks(byte[] png)
    {
        var chunks = new List<Part>();
        for (var at = 8; at < png.Length;)
        {
            var end = at + 12 + (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            chunks.Add(new(Encoding.ASCII.GetString(png, at + 4, 4), at, png[at..end]));
            at = end;
        }
        return chunks;
    }

    public static List<Part> WebPChunks(byte[] webp)
    {
        var chunks = new List<Part>();
        for (var at = 12; at < webp.Length;)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(webp.AsSpan(at + 4));
            var end = at + 8 + size + (size & 1);
            chunks.Add(new(Encoding.ASCII.GetString(webp, at, 4), at, webp[at..end]));
            at = end;
        }
        return chunks;
    }

    /// <summary>The segments before the first scan, then "SOS" with everything from there to the end.</summary>
    public static List<Part> JpegSegments(byte[] jpeg)
    {
        var segments = new List<Part>();
        for (var at = 2; ; )
        {
            var marker = jpeg[at + 1];
            if (marker == 0xDA)
            {
                segments.Add(new("SOS", at, jpeg[at..]));
                return segments;
            }
            var end = at + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(at + 2));
            segments.Add(new($"{marker:X2}", at, jpeg[at..end]));
            at = end;
        }
    }

    /// <summary>GIF blocks after the header and global colour table: "image", "extension FE" and so on, and "trailer".</summary>
    public static List<Part> GifBlocks(byte[] gif)
    {
        var blocks = new List<Part>();
        var at = 13 + ((gif[10] & 0x80) == 0 ? 0 : 3 << ((gif[10] & 7) + 1));
        while (gif[at] != 0x3B)
        {
            var start = at;
            var type = gif[at] == 0x2C ? "image" : $"extension {gif[at + 1]:X2}";
            if (gif[at] == 0x2C)
            {
                at += 10;
                if ((gif[at - 1] & 0x80) != 0) at += 3 << ((gif[at - 1] & 7) + 1);
                at++; // LZW minimum code size
            }
            else at += 2;
            while (gif[at] != 0) at += 1 + gif[at];
            at++;
            blocks.Add(new(type, start, gif[start..at]));
        }
        blocks.Add(new("trailer", at, gif[at..]));
        return blocks;
    }

    static byte[] PngChunk(string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typed.CopyTo(chunk, 4);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32(typed));
        return chunk;
    }

    static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
