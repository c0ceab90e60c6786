using System.Text;

namespace ImpactSite.Privacy;

/// <summary>
/// Reads one published text file for names the way the program that opens it shows it: its raw text, then what its
/// format's reader decodes (<see cref="TextFormats"/>), then the files it holds (data: addresses, uuencoded and yEnc
/// blocks, attachments, photos), each decoded text read the same way in turn. Hits are placed at the line and column of
/// the file where their encoded form starts (<paramref name="lines"/> is the file's own text; null inside an archive,
/// where lines mean nothing to a reader). The first thing that cannot be decoded refuses the file, at its place.
/// </summary>
/// <param name="document">Reads decoded bytes that are no text (a PDF, a picture, a zip) as a document of their own
/// (<see cref="DocumentText"/>): the problem, or null.</param>
public sealed class TextReading(NameScan scan, string? lines, Func<string, byte[], string?> document, bool insideArchive)
{
    const int MaxNesting = 8;

    int nesting;

    /// <summary>Why the file cannot be published, if something in it cannot be decoded.</summary>
    public string? Problem { get; private set; }

    /// <summary>Where the problem is: the start of the line of the file that declares it (1:1 inside an archive).</summary>
    public (int Line, int Column) ProblemAt { get; private set; } = (1, 1);

    /// <summary>A file (or a decoded part that is a file of its own) read by the formats its name and content say.</summary>
    public void File(string name, DecodedText text, string? part)
    {
        if (Problem is not null) return;
        var named = TextFormats.ByName(name);
        var extension = Path.GetExtension(name);
        var content = TextFormats.ByContent(text.Text);
        if (named is null && (extension.Length > 0 || content is null) && !(insideArchive && Path.GetFileName(name) == "mimetype"))
        {
            Refuse(extension.Length > 0
                ? $"it is text in a format the build does not know how to decode ('{extension.ToLowerInvariant()}' files)"
                : "it is text with no file extension, so the build cannot tell which program shows it, nor how that program decodes it", text.Origin(0));
            return;
        }
        if (++nesting > MaxNesting)
        {
            Refuse("it holds encoded files nested too deeply to check", text.Origin(0));
            return;
        }
        Scan(text, DocumentText.MarkupOf(name), part);
        EmbeddedFiles.Read(text, this, part);
        named?.Decode?.Invoke(text, this, part);
        if (content is not null && content != named) content.Decode!(text, this, part);
        nesting--;
    }

    /// <summary>A decoded text read for names as it is (no further decoding), its hits placed where it came from.</summary>
    public void Scan(DecodedText text, Markup markup, string? part)
    {
        if (Problem is not null || text.Text.Length == 0) return;
        var from = scan.Hits.Count;
        scan.Read(text.Text, markup, part);
        scan.Place(from, offset => At(text.Origin(offset)));
    }

    /// <summary>Decoded bytes: text (read as a file called <paramref name="name"/>, or name + <paramref name="textExtension"/>
    /// when it has none), or a document read as documents are, its names reported where the encoded bytes start.</summary>
    public void Bytes(string name, DecodedBytes bytes, string? part, string textExtension = ".txt")
    {
        if (Problem is not null || bytes.Count == 0) return;
        var data = bytes.ToArray();
        if (!DocumentText.IsDocument(data) && DocumentText.TextEncoding(data) is { } encoding)
        {
            File(Path.HasExtension(name) ? name : name + textExtension, bytes.Decode(encoding), part ?? name);
            return;
        }
        var from = scan.Hits.Count;
        var problem = document(name, data);
        var at = At(bytes.Origin(0));
        scan.Place(from, _ => at);
        if (problem is not null) Refuse(problem, bytes.Origin(0));
    }

    /// <summary>Refuses the file: something at <paramref name="origin"/> cannot be decoded.</summary>
    public void Refuse(string reason, int origin)
    {
        if (Problem is not null) return;
        Problem = reason;
        ProblemAt = At(origin) is (> 0, _) at ? (at.Line, 1) : (1, 1);
    }

    /// <summary>The character set a part declares, or null (and the file refused) when the build cannot decode it.</summary>
    public Encoding? Charset(string name, int origin)
    {
        if (TransferEncoding.Charset(name) is { } encoding) return encoding;
        Refuse($"it declares the character set '{name.Trim().Trim('"')}', which the build cannot decode: save it as UTF-8", origin);
        return null;
    }

    (int Line, int Column) At(int origin)
    {
        if (lines is null) return (0, 0);
        var at = TextPosition.Of("", lines, origin);
        return (at.Line, at.Column);
    }
}
