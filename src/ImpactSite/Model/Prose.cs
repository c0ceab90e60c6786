using ImpactSite.Validate;

namespace ImpactSite.Model;

/// <summary>
/// Markdown written by a co-ordinator (a body, or a front matter value such as you_said), with where it starts
/// so mention and link problems are reported at the right line. The render step fills Html and PlainText.
/// </summary>
public sealed class Prose(string markdown, SourceLocation at, bool inline)
{
    public string Markdown { get; } = markdown;
    public SourceLocation At { get; } = at;
    /// <summary>One paragraph rendered without its &lt;p&gt;, for short fields shown inside a sentence or cell.</summary>
    public bool Inline { get; } = inline;
    string html = "";
    string plainText = "";
    volatile Action<Prose>? pending;

    public string Html
    {
        get { RenderIfPending(); return html; }
        set => html = value;
    }

    /// <summary>Text with mentions already turned into public credits; for feeds, search and data files.</summary>
    public string PlainText
    {
        get { RenderIfPending(); return plainText; }
        set => plainText = value;
    }

    /// <summary>Renders this prose the first time its HTML or text is read (the preview renders only what a page shows).</summary>
    public void RenderOnFirstUse(Action<Prose> render) => pending = render;

    void RenderIfPending()
    {
        if (pending is null) return;
        lock (this) // a sealed class that never escapes a lock elsewhere; one lock object less per piece of prose
        {
            // Cleared only once rendered, so a second reader waits here rather than reading it half made.
            if (pending is not { } render) return;
            render(this);
            pending = null;
        }
    }

    public override string ToString() => Html;
}
