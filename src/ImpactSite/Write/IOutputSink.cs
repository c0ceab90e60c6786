using ImpactSite.Render;

namespace ImpactSite.Write;

/// <summary>
/// Where a build's files go as soon as each is rendered and checked, so no step waits for (or holds) the whole site:
/// a staging folder for <c>build</c>, memory for <c>preview</c> and tests, nowhere for <c>check</c>.
/// Add is called from several threads at once.
/// </summary>
public interface IOutputSink
{
    void Add(OutputFile file);

    /// <summary>Checks the whole site and keeps nothing (<c>check</c>, <c>digest</c>).</summary>
    public static readonly IOutputSink Discard = new DiscardSink();

    sealed class DiscardSink : IOutputSink
    {
        public void Add(OutputFile file) { }
    }
}
