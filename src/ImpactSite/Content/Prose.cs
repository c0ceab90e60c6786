using ImpactSite.Validate;

namespace ImpactSite.Content;

/// <summary>
/// Markdown written by a co-ordinator (a body, or a front matter value such as you_said), with where it starts
/// so mention and link problems are reported at the right line. The render step fills Html, PlainText and the
/// problems it found, which stay with the prose: the preview shares unchanged prose between builds, rendered once.
/// </summary>
public sealed class Prose(string markdown, SourceLocation at, bool inline)
{
    /// <summary>The source, until rendered: then only the HTML and text are kept (at 100,000 entries, hundreds of MB).</summary>
    public string Markdown => markdown ?? throw new InvalidOperationException("This prose has been rendered already.");
    string? markdown = markdown;
    public SourceLocation At { get; } = at;
    /// <summary>One paragraph rendered without its &lt;p&gt;, for short fields shown inside a sentence or cell.</summary>
    public bool Inline { get; } = inline;
    string html = "";
    string plainText = "";
    IReadOnlyList<Diagnostic> problems = [];
    volatile bool rendered;
    volatile Action<Prose>? pending;

    public string Html
    {
        get { RenderIfPending(); return html; }
    }

    /// <summary>Text with mentions already turned into public credits; for feeds, search and data files.</summary>
    public string PlainText
    {
        get { RenderIfPending(); return plainText; }
    }

    /// <summary>What rendering found (unknown mentions, broken links, images without alt text); each build reports them.</summary>
    public IReadOnlyList<Diagnostic> Problems
    {
        get { RenderIfPending(); return problems; }
    }

    public void Rendered(string html, string plainText, IReadOnlyList<Diagnostic> problems)
    {
        this.html = html;
        this.plainText = plainText;
        this.problems = problems;
        markdown = null;
        rendered = true;
    }

    /// <summary>Neither rendered nor set to render: new since the last graph (all of an entry's prose is set at once).</summary>
    public bool IsNew => !rendered && pending is null;

    /// <summary>
    /// Renders this prose the first time its HTML, text or problems are read (the preview renders only what a page
    /// shows), unless it is rendered already or set to be.
    /// </summary>
    public void RenderOnFirstUse(Action<Prose> render)
    {
        if (!rendered) Interlocked.CompareExchange(ref pending, render, null);
    }

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
