using System.Runtime.InteropServices;
using ImpactSite.Content;

namespace ImpactSite.Write;

/// <summary>A second name for an existing file (link(2); CreateHardLinkW on Windows): no data is copied or written.</summary>
static partial class HardLink
{
    /// <summary>False when the file system or platform cannot link (the caller then writes the file instead).</summary>
    public static bool TryCreate(string existing, string link) =>
        OperatingSystem.IsWindows() ? CreateHardLink(link, existing, IntPtr.Zero) : Link(existing, link) == 0;

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Link(string existing, string link);

    [LibraryImport("kernel32", EntryPoint = "CreateHardLinkW", StringMarshalling = StringMarshalling.Utf16, SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLink(string link, string existing, IntPtr securityAttributes);
}
