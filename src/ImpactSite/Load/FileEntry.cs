using System.Runtime.InteropServices;

namespace ImpactSite.Load;

public enum EntryType { Missing, RegularFile, Folder, SymbolicLink, Pipe, Device, Socket }

/// <summary>
/// What a path names, read without following a link and without opening it: opening a named pipe (FIFO) blocks until
/// something writes to it, so every input and theme file is looked at this way before it is read.
/// </summary>
public readonly partial record struct FileEntry(EntryType Type, long Length)
{
    public static FileEntry Of(string path) => OperatingSystem.IsWindows() ? Managed(path) : Unix(path);

    /// <summary>Why the build does not read this entry, or null for a regular file or a folder.</summary>
    public string? Refusal => Type switch
    {
        EntryType.SymbolicLink => "this is a symbolic link, which ImpactSite does not follow (it could publish files from elsewhere on the computer): copy the file here instead.",
        EntryType.Pipe or EntryType.Device or EntryType.Socket =>
            $"this is {Name} and not an ordinary file, so ImpactSite does not read it (reading it could stop the build for good): delete it, or move it out of the folder.",
        _ => null,
    };

    string Name => Type switch
    {
        EntryType.Pipe => "a named pipe (FIFO)",
        EntryType.Device => "a device",
        _ => "a socket",
    };

    /// <summary>
    /// lstat through the runtime's own native shim (System.Native, which every .NET on Linux and macOS ships and which
    /// File and Directory use themselves): its FileStatus has the same layout and mode bits on every Unix, unlike libc's
    /// struct stat, and .NET has no public API for the file type.
    /// </summary>
    static FileEntry Unix(string path)
    {
        Span<byte> status = stackalloc byte[256];
        if (LStat(path, ref MemoryMarshal.GetReference(status)) != 0) return new(EntryType.Missing, 0);
        var mode = BitConverter.ToInt32(status[4..]);
        var length = BitConverter.ToInt64(status[16..]);
        return new((mode & 0xF000) switch
        {
            0x8000 => EntryType.RegularFile,
            0x4000 => EntryType.Folder,
            0xA000 => EntryType.SymbolicLink,
            0x1000 => EntryType.Pipe,
            0xC000 => EntryType.Socket,
            _ => EntryType.Device, // character and block devices
        }, length);
    }

    /// <summary>Windows has no pipes or devices among its files: links and reparse points are all there is to refuse.</summary>
    static FileEntry Managed(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists && !Directory.Exists(path)) return new(EntryType.Missing, 0);
        if (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint)) return new(EntryType.SymbolicLink, 0);
        return info.Attributes.HasFlag(FileAttributes.Directory) ? new(EntryType.Folder, 0) : new(EntryType.RegularFile, info.Length);
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, ref byte status);
}
