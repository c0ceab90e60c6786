using ImpactSite.Render;
using ImpactSite.Write;

namespace ImpactSite.PostProcess;

/// <summary>
/// The post-process step in the stream of built files: each file is checked as it arrives (pages by
/// <see cref="HtmlChecks"/>, every file by the <see cref="LeakGuard"/>) before it goes on to the output. A file holding
/// a withheld name is never passed on, so it never reaches the disk, not even the staging folder.
/// </summary>
public sealed class CheckedOutput(HtmlChecks pages, LeakGuard leaks, IOutputSink next) : IOutputSink
{
    public void Add(OutputFile file)
    {
        if (HtmlChecks.IsPage(file.Path)) pages.Inspect(file);
        if (leaks.Inspect(file)) next.Add(file);
    }
}
