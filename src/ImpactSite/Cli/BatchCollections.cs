namespace ImpactSite.Cli;

/// <summary>
/// A build or check is one short run: it starts without the garbage collector, which otherwise stops both cores to
/// find that most of what the build made so far is still in use. A site of a few hundred entries is built within the
/// first 128 MB it allocates and is never stopped; a larger one leaves the region when it has used that much and is
/// collected as usual from then on (a 1,000-entry build: 16% less wall time, and no more memory; docs/performance.md).
/// The region needs no ending: the process ends with the command. The preview, which runs for hours, is collected as
/// usual throughout.
/// </summary>
public static class BatchCollections
{
    const long Budget = 128L * 1024 * 1024;

    /// <summary>Used by the executable only (Program.cs), for the one command it runs: tests run builds side by side.</summary>
    public static void StartFor(string command)
    {
        if (command is "build" or "check") GC.TryStartNoGCRegion(Budget);
    }
}
