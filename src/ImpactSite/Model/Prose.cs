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
    public string Html { get; set; } = "";
    /// <summary>Text with mentions already turned into public credits; for feeds, search and data files.</summary>
    public string PlainText { get; set; } = "";

    public override string ToString() => Html;
}
