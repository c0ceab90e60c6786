using System.Buffers;
using System.Text;

namespace ImpactSite.Render;

/// <summary>One file of the built site. Path is output-relative with '/'; Source is the input file that put it there.</summary>
public sealed record OutputFile
{
    byte[]? content;

    public OutputFile(string path, byte[] content, string? source)
    {
        Path = path;
        this.content = content;
        Source = source;
    }

    OutputFile(string path, string text, string? source)
    {
        Path = path;
        Text = text;
        Source = source;
    }

    public string Path { get; }
    public string? Source { get; }

    /// <summary>The content as text when the renderer made it as text (pages), so the checks need not decode it again.</summary>
    public string? Text { get; }

    /// <summary>The bytes. A page's are encoded from its text when first asked for: a build writes the text to disk
    /// through a pooled buffer instead (<see cref="WriteTo"/>), so a page's bytes are never an array of their own.</summary>
    public byte[] Content => content ??= Encoding.UTF8.GetBytes(Text!);

    public static OutputFile FromText(string path, string text, string? source) => new(path, text, source);

    /// <summary>Writes the bytes to the stream, encoding a page's text through a pooled buffer when its bytes were not made.</summary>
    public void WriteTo(Stream stream)
    {
        if (content is not null || Text is null)
        {
            stream.Write(Content);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Text.Length));
        try
        {
            stream.Write(buffer, 0, Encoding.UTF8.GetBytes(Text, buffer));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
