using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using ImpactSite.Render.Assets;

namespace ImpactSite.Privacy;

/// <summary>Why a file cannot be read for names (a phrase such as "it is a ..."); Picture when it is a picture whose
/// hidden metadata cannot be removed; the line and column of a text file where what cannot be decoded is.</summary>
public sealed record Unreadable(string Reason, bool Picture, int Line = 1, int Column = 1);

/// <summary>
/// Reads any file for names as its reader would see it, whatever its name says it is (the first bytes decide): text and
/// markup; PDF (<see cref="PdfText"/>); zip archives, which include Word, Excel and PowerPoint files (.docx, .xlsx, .pptx),
/// OpenDocument files (.odt, .ods, .odp) and EPUB, every part read as a file of its own (document text, comments,
/// tracked changes, properties, the names of the parts); gzip and tar; RTF; certificates and keys (<see cref="DerText"/>, <see cref="OpenPgpText"/>); pictures, which must hold no hidden
/// metadata. Anything else cannot be read, and the answer says why: the guard then refuses to publish it. A published
/// asset's text files, and those inside its archives, are read by their format as the program that opens them shows
/// them (<see cref="TextReading"/>, <see cref="TextFormats"/>), and refused when their format is unknown.
/// </summary>
public static class DocumentText
{
    const int MaxDepth = 6;
    const long MaxUnpacked = 512L << 20;

    static readonly HashSet<string> HtmlExtensions = [".html", ".htm", ".xhtml"];
    static readonly HashSet<string> MarkdownExtensions = [".md", ".markdown"];

    /// <summary>Reads the file into the scan; null when it was read, else why it cannot be. An <paramref name="asset"/>
    /// (a file the co-ordinator publishes, not one the build made) has its text files read by format.</summary>
    public static Unreadable? Read(string path, byte[] content, NameScan scan, bool asset = false)
    {
        var reader = new Reader(scan, asset);
        return reader.Read(path, content, 0) is { } reason ? new Unreadable(reason, reader.PictureRefused, reader.ProblemAt.Line, reader.ProblemAt.Column) : null;
    }

    /// <summary>Reads for names what the data: addresses in a file the build wrote hold (a contributor's HTML carries its
    /// addresses into the search index and feeds as text). What cannot be read there is left: those files are the
    /// build's and the theme's own, whose fonts and pictures are not the contributors' documents.</summary>
    public static void ReadDataAddresses(string text, NameScan scan)
    {
        if (EmbeddedFiles.HasDataAddress(text)) new Reader(scan, asset: false).DataAddresses(text);
    }

    /// <summary>Whether the bytes are a document read by its signature (PDF, zip, gzip, tar, RTF, picture, metafile), not text.</summary>
    public static bool IsDocument(byte[] d)
    {
        ReadOnlySpan<byte> s = d;
        return s.StartsWith("%PDF-"u8) || s.StartsWith("PK\u0003\u0004"u8) || s.StartsWith("PK\u0005\u0006"u8) || s.StartsWith<byte>([0x1F, 0x8B])
            || (s.Length > 262 && s[257..].StartsWith("ustar"u8)) || s.StartsWith("{\\rtf"u8) || ImageMetadata.IsPicture(d) || ImageMetadata.Refusal(d) is not null
            || IsMetafile(s);
    }

    /// <summary>How a text file's markup is read, from its name.</summary>
    public static Markup MarkupOf(string path)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return HtmlExtensions.Contains(extension) ? Markup.Html : MarkdownExtensions.Contains(extension) ? Markup.Markdown : Markup.Xml;
    }

    sealed class Reader(NameScan scan, bool asset)
    {
        long unpacked;

        /// <summary>Whether what could not be read is a picture with metadata (never published, listed or not).</summary>
        public bool PictureRefused { get; private set; }

        /// <summary>Where in the file (a text file) what cannot be read is.</summary>
        public (int Line, int Column) ProblemAt { get; private set; } = (1, 1);

        public string? Read(string path, byte[] d, int depth)
        {
            if (depth > MaxDepth) return "it holds archives nested too deeply to check";
            ReadOnlySpan<byte> s = d;
            if (s.StartsWith("%PDF-"u8) || (s.Length > 5 && s[..Math.Min(1024, s.Length)].IndexOf("%PDF-"u8) >= 0 && !Utf8.IsValid(s)))
                return PdfText.Read(d, scan, (name, bytes) => Inner(path + "/" + name, bytes, depth));
            if (s.StartsWith("PK\u0003\u0004"u8) || s.StartsWith("PK\u0005\u0006"u8)) return Zip(path, d, depth);
            if (s.StartsWith<byte>([0x1F, 0x8B])) return Gzip(path, d, depth);
            if (s.Length > 262 && s[257..].StartsWith("ustar"u8)) return Tar(path, d, depth);
            if (s.StartsWith("{\\rtf"u8))
            {
                scan.Read(RtfText.ToText(Encoding.Latin1.GetString(d)), Markup.None, null);
                return null;
            }
            if (PictureProblem(path, d) is { } picture)
            {
                PictureRefused |= picture.Length > 0;
                return picture.Length == 0 ? null : picture;
            }
            if (IsMetafile(s))
            {
                scan.ReadStrings(s, "drawing");
                return null;
            }
            if (AsText(d) is not { } text)
            {
                if (DerText.IsDer(s))
                {
                    DerText.Read(s, scan, depth == 0 ? null : path);
                    return null;
                }
                return OpenPgpText.IsPackets(s) ? OpenPgpText.Read(d, scan, (name, bytes) => Inner(path + "/" + name, bytes, depth))
                    : "the build cannot read this kind of file for names";
            }
            if (!asset)
            {
                scan.Read(text, MarkupOf(path), depth == 0 ? null : path);
                if (depth == 0) DataAddresses(text);
                return null;
            }
            var reading = new TextReading(scan, depth == 0 ? text : null, (name, bytes) => Embedded(name, bytes, depth), insideArchive: depth > 0);
            reading.File(path, DecodedText.Of(text), depth == 0 ? null : path);
            if (depth == 0) ProblemAt = reading.ProblemAt;
            return reading.Problem;
        }

        /// <summary>What the data: addresses in a file the build wrote hold, read as their files (see <see cref="ReadDataAddresses"/>).</summary>
        public void DataAddresses(string text)
        {
            if (!EmbeddedFiles.HasDataAddress(text)) return;
            // Hits are placed at the line and column of the text (the source a leak is traced back to, too).
            var reading = new TextReading(scan, text, (name, bytes) => Embedded(name, bytes, 0), insideArchive: true);
            EmbeddedFiles.DataAddresses(DecodedText.Of(text), reading, "a data: address");
        }

        /// <summary>A file decoded from a text (an attachment, a data: address, a contact's photo). A picture too damaged
        /// for a program to show (as drawing programs leave stubs in SVGs) shows nothing: its strings are searched instead.</summary>
        string? Embedded(string path, byte[] bytes, int depth)
        {
            if (!ImageMetadata.IsPicture(bytes) || ImageMetadata.Refusal(bytes) is not null || ImageMetadata.Strip(path, bytes).Problem is null)
                return Inner(path, bytes, depth);
            scan.ReadStrings(bytes, path);
            return null;
        }

        string? Inner(string path, byte[] bytes, int depth)
        {
            if ((unpacked += bytes.Length) > MaxUnpacked) return "unpacks to more than 512 MB, too much to check";
            return Read(path, bytes, depth + 1) is { } problem ? $"holds {path}, and {problem}" : null;
        }

        string? Zip(string path, byte[] d, int depth)
        {
            try
            {
                using var zip = new ZipArchive(new MemoryStream(d), ZipArchiveMode.Read);
                scan.Read(string.Join('\n', zip.Entries.Select(e => e.FullName)) + "\n" + zip.Comment, Markup.None, "the names of the files inside");
                foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')))
                {
                    if (entry.Length > MaxUnpacked) return $"holds {entry.FullName}, which unpacks to more than 512 MB, too much to check";
                    using var stream = entry.Open();
                    var bytes = new MemoryStream();
                    stream.CopyTo(bytes);
                    // Printer settings (Excel writes them) are fixed-size records of a printer's name and numbers.
                    if (entry.Name.StartsWith("printerSettings", StringComparison.OrdinalIgnoreCase) && entry.Name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
                    {
                        scan.ReadStrings(bytes.ToArray(), entry.FullName);
                        continue;
                    }
                    if (Inner(entry.FullName, bytes.ToArray(), depth) is { } problem) return problem;
                }
                return null;
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
            {
                return $"it is a zip file that cannot be opened ({e.Message.TrimEnd('.')})";
            }
        }

        string? Gzip(string path, byte[] d, int depth)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(d), CompressionMode.Decompress);
                var bytes = new MemoryStream();
                gzip.CopyTo(bytes);
                scan.ReadStrings(GzipHeaderText(d), "the gzip header");
                return Inner(Path.GetFileNameWithoutExtension(path), bytes.ToArray(), depth);
            }
            catch (InvalidDataException e)
            {
                return $"it is a gzip file that cannot be unpacked ({e.Message.TrimEnd('.')})";
            }
        }

        string? Tar(string path, byte[] d, int depth)
        {
            try
            {
                using var tar = new TarReader(new MemoryStream(d));
                while (tar.GetNextEntry() is { } entry)
                {
                    scan.Read(entry.Name + "\n" + entry.LinkName, Markup.None, "the names of the files inside");
                    if (entry.DataStream is null) continue;
                    var bytes = new MemoryStream();
                    entry.DataStream.CopyTo(bytes);
                    if (Inner(entry.Name, bytes.ToArray(), depth) is { } problem) return problem;
                }
                return null;
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or IOException)
            {
                return $"it is a tar file that cannot be read ({e.Message.TrimEnd('.')})";
            }
        }
    }

    /// <summary>The original file name and comment a gzip header may carry (RFC 1952: FEXTRA, FNAME, FCOMMENT).</summary>
    static ReadOnlySpan<byte> GzipHeaderText(byte[] d)
    {
        if (d.Length < 10) return [];
        var flags = d[3];
        var at = 10;
        if ((flags & 4) != 0 && at + 2 <= d.Length) at += 2 + (d[at] | d[at + 1] << 8);
        var start = Math.Min(at, d.Length);
        var end = start;
        for (var field = 0; field < ((flags & 8) != 0 ? 1 : 0) + ((flags & 16) != 0 ? 1 : 0); field++)
        {
            while (end < d.Length && d[end] != 0) end++;
            end = Math.Min(end + 1, d.Length);
        }
        return d.AsSpan(start, end - start);
    }

    /// <summary>
    /// "" for a picture with no hidden metadata, a problem for one that has some or that cannot be cleaned, and null
    /// for a file that is no picture. Pictures the build publishes on their own were cleaned already
    /// (<see cref="ImageMetadata"/>); this catches the ones inside documents and the theme's.
    /// </summary>
    static string? PictureProblem(string path, byte[] d)
    {
        if (ImageMetadata.Refusal(d) is { } refusal) return refusal;
        if (!ImageMetadata.IsPicture(d)) return null;
        var strip = ImageMetadata.Strip(path, d);
        if (strip.Problem is { } problem) return $"it is a picture that cannot be read ({problem})";
        return strip.Removed.Count == 0 ? ""
            : $"it is a picture with hidden metadata ({string.Join(", ", strip.Removed)}): remove it (re-save the picture, or use the document's \"remove personal information\" option)";
    }

    /// <summary>Windows metafiles (EMF, WMF), the drawings Office files embed: records of numbers and plain strings.</summary>
    static bool IsMetafile(ReadOnlySpan<byte> s) =>
        (s.Length > 44 && s.StartsWith<byte>([1, 0, 0, 0]) && s[40..].StartsWith(" EMF"u8)) || s.StartsWith<byte>([0xD7, 0xCD, 0xC6, 0x9A]);

    /// <summary>The file as text: UTF-8 (with or without a BOM), UTF-16 with a BOM, or Latin-1 when it has no control
    /// characters; null when it is not text.</summary>
    static string? AsText(byte[] d)
    {
        if (TextEncoding(d) is not { } encoding) return null;
        ReadOnlySpan<byte> s = d;
        var bom = encoding == Encoding.UTF8 ? (s.StartsWith<byte>([0xEF, 0xBB, 0xBF]) ? 3 : 0) : encoding == Encoding.Latin1 ? 0 : 2;
        return encoding.GetString(d, bom, d.Length - bom);
    }

    /// <summary>How the bytes are text (see <see cref="AsText"/>), or null when they are not.</summary>
    public static Encoding? TextEncoding(byte[] d)
    {
        ReadOnlySpan<byte> s = d;
        if (s.StartsWith<byte>([0xFF, 0xFE]) && d.Length % 2 == 0) return Encoding.Unicode;
        if (s.StartsWith<byte>([0xFE, 0xFF]) && d.Length % 2 == 0) return Encoding.BigEndianUnicode;
        var controls = s.IndexOfAnyInRange((byte)0, (byte)8) >= 0 || s.IndexOfAnyInRange((byte)14, (byte)26) >= 0 || s.IndexOfAnyInRange((byte)28, (byte)31) >= 0;
        if (controls) return null;
        return Utf8.IsValid(s) ? Encoding.UTF8 : Encoding.Latin1;
    }
}
