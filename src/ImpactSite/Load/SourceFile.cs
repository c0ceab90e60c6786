using System.Buffers;
using System.Text;
using ImpactSite.Validate;
using Microsoft.Win32.SafeHandles;

namespace ImpactSite.Load;

/// <summary>A text file from the input folder. Path is input-relative with forward slashes.</summary>
public sealed record SourceFile(string Path, string Text)
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A file that was not read (not a regular file, or too large: reported), so it has no text to check.</summary>
    public bool Refused { get; private init; }

    /// <summary>
    /// Reads UTF-8 with or without a BOM and normalises CRLF/CR to LF so line numbers match editors. What it is and
    /// how long it is are looked at before it is opened: a pipe would block the read, and a huge file would take the
    /// memory and the time of the whole build.
    /// </summary>
    public static SourceFile Read(string root, string relativePath, DiagnosticBag diagnostics)
    {
        var full = System.IO.Path.Combine(root, relativePath);
        var entry = FileEntry.Of(full);
        var refusal = entry.Type switch
        {
            EntryType.RegularFile when entry.Length > TextLimits.MaxFileBytes => TextLimits.TooLarge(entry.Length),
            EntryType.RegularFile => null,
            EntryType.Missing => "this file disappeared while the build was reading the folder: save it again.",
            _ => entry.Refusal ?? "this is a folder, not a file: rename it.",
        };
        if (refusal is not null)
        {
            diagnostics.Error(relativePath, 1, 1, refusal);
            return new SourceFile(relativePath, "") { Refused = true };
        }
        // The bytes only live until decoded: a pooled buffer saves allocating them for every file of a large site.
        using var handle = File.OpenHandle(full);
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)Math.Min(RandomAccess.GetLength(handle), TextLimits.MaxFileBytes)));
        try
        {
            var text = Decode(buffer.AsSpan(0, ReadAll(handle, buffer)), out var invalidUtf8);
            if (invalidUtf8) diagnostics.Error(relativePath, 1, 1, "this file is not valid UTF-8 text: save it as UTF-8 in your editor.");
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
