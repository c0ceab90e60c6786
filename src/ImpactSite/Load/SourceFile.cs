using System.Text;

namespace ImpactSite.Load;

/// <summary>A text file from the input folder. Path is input-relative with forward slashes.</summary>
public sealed record SourceFile(string Path, string Text)
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads UTF-8 with or without a BOM and normalises CRLF/CR to LF so line numbers match editors.</summary>
    public static SourceFile Read(string root, string relativePath, out bool invalidUtf8)
    {
        var bytes = File.ReadAllBytes(System.IO.Path.Combine(root, relativePath));
        var span = bytes.AsSpan();
        if (span.StartsWith(Encoding.UTF8.Preamble)) span = span[3..];
        string text;
        try
        {
            text = StrictUtf8.GetString(span);
            invalidUtf8 = false;
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(span);
            invalidUtf8 = true;
        }
        return new SourceFile(relativePath, text.Replace("\r\n", "\n").Replace('\r', '\n'));
    }
}
