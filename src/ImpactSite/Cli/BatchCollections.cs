using System.Runtime;

namespace ImpactSite.Cli;

/// <summary>
/// A build or check is one short run: it starts without the garbage collector, which otherwise stops both cores to
/// find that most of what the build made so far is still in use. A site of a few hundred entries is built within the
/// first 128 MB it allocates and is never stopped; a larger one leaves the region when it has used that much and is
/// collected as usual from then on (a 1,000-entry build: 16% less wall time, and no more memory; docs/performance.md).
/// The preview, which runs for hours, is collected as usual throughout.
/// </summary>
public sealed class BatchCollections : IDisposable
{
    const long Budget = 128L * 1024 * 1024;

    /// <summary>Used by the executable only (Program.cs), for the one command it runs: tests run builds side by side.</summary>
    public static BatchCollections? For(string command) => command is "build" or "check" ? new() : null;

    BatchCollections() => GC.TryStartNoGCRegion(Budget);

    public void Dispose()
    {
        // A build that allocated more than the budget has left the region already.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
    }
}
