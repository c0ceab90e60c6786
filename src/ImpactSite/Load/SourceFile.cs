using System.Buffers;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ImpactSite.Load;

/// <summary>A text file from the input folder. Path is input-relative with forward slashes.</summary>
public sealed record SourceFile(string Path, string Text)
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads UTF-8 with or without a BOM and normalises CRLF/CR to LF so line numbers match editors.</summary>
    public static SourceFile Read(string root, string relativePath, out bool invalidUtf8)
    {
        // The bytes only live until decoded: a pooled buffer saves allocating them for every file of a large site.
        using var handle = File.OpenHandle(System.IO.Path.Combine(root, relativePath));
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)RandomAccess.GetLength(handle)));
        try
        {
            var text = Decode(buffer.AsSpan(0, ReadAll(handle, buffer)), out invalidUtf8);
            return new SourceFile(relativePath, text.Replace("\r\n", "\n").Replace('\r', '\n'));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    static int ReadAll(SafeFileHandle handle, byte[] buffer)
    {
        var total = 0;
        for (int read; total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0;) total += read;
        return total;
    }

    static string Decode(ReadOnlySpan<byte> bytes, out bool invalidUtf8)
    {
        if (bytes.StartsWith(Encoding.UTF8.Preamble)) bytes = bytes[3..];
        invalidUtf8 = false;
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            invalidUtf8 = true;
            return Encoding.UTF8.GetString(bytes);
        }
    }
}
