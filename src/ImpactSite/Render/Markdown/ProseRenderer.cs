using System.Net;
using System.Text.RegularExpressions;
using ImpactSite.Model;
using ImpactSite.Scaffold;
using ImpactSite.Validate;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Markdown to HTML in three steps, as Markdig intends: parse, resolve (mentions, links, images against the site graph,
/// with located diagnostics), render. The pipeline is built once and shared by every thread.
/// </summary>
public sealed partial class ProseRenderer(SiteGraph graph)
{
    static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Use<MentionExtension>()
        .Use<AccessibleMarkupExtension>()
        .Build();

    readonly LinkResolver links = new(graph);

    /// <summary>Renders the prose; its problems stay with it (<see cref="Prose.Problems"/>) for each build to report.</summary>
    public void Render(Prose prose, string sourcePath)
    {
        var markdown = prose.Markdown;
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        var problems = new DiagnosticBag();
        ReportPlaceholders(markdown, prose, problems);
        Resolve(document, prose, sourcePath, problems);
        var html = document.ToHtml(Pipeline); // Markdig pools its HTML renderers
        if (prose.Inline && document is [ParagraphBlock]) html = UnwrapParagraph(html);
        // Markdig escapes text, and the link resolver allows only safe schemes, so only raw HTML ('<') or generic
        // attributes ('{') can carry anything dangerous: sanitise those (most prose has neither, and sanitising is costly).
        prose.Rendered(
            markdown.AsSpan().IndexOfAny('<', '{') >= 0 ? ContributedHtml.Sanitize(html) : html,
            Whitespace().Replace(WebUtility.HtmlDecode(PlainWriter.Current.Write(document)), " ").Trim(),
            problems.Sorted());
    }

    /// <summary>The contract: placeholder text from 'impactsite new' must never reach the public site.</summary>
    static void ReportPlaceholders(string markdown, Prose prose, DiagnosticBag diagnostics)
    {
        foreach (var found in LeftoverPlaceholders.In(markdown))
        {
            var lineStart = markdown.LastIndexOf('\n', Math.Max(0, found.Offset - 1)) + 1;
            var line = markdown.AsSpan(0, found.Offset).Count('\n');
            var at = new SourceLocation(prose.At.Path, prose.At.Line + line,
                (line == 0 ? prose.At.Column : 1) + found.Offset - lineStart);
            diagnostics.Error(at, $"\"{found.Text}\" is the placeholder text 'impactsite new' wrote: replace it with your own words (or delete it) before publishing.");
        }
    }

    void Resolve(MarkdownDocument document, Prose prose, string sourcePath, DiagnosticBag diagnostics)
    {
        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case MentionInline mention:
                    if (graph.People.TryGetValue(mention.Id.ToLowerInvariant(), out var person)) mention.Credit = person.Credit;
                    else
                    {
                        mention.Credit = "@" + mention.Id;
                        diagnostics.Error(At(prose, mention), $"'@{mention.Id}' is not in people.yml: add them there, or correct the id (write \\@ for a plain '@').{Suggestions.DidYouMean(mention.Id.ToLowerInvariant(), graph.People.Keys)}");
                    }
                    break;
                case LinkInline link:
                    ResolveLink(link, prose, sourcePath, diagnostics);
                    break;
                case HtmlInline html:
                    CheckRawImages(html.Tag, At(prose, html), diagnostics);
                    break;
            }
        }
        foreach (var block in document.Descendants<HtmlBlock>())
            CheckRawImages(block.Lines.ToString(), new(prose.At.Path, prose.At.Line + block.Line, 1), diagnostics);
    }

    void ResolveLink(LinkInline link, Prose prose, string sourcePath, DiagnosticBag diagnostics)
    {
        var url = link.Url;
        if (url is not null)
        {
            var result = links.Resolve(url, sourcePath);
            if (result.Problem is not null) diagnostics.Error(At(prose, link), result.Problem);
            if (result.Warning is not null) diagnostics.Warning(At(prose, link), result.Warning);
            link.Url = result.Url ?? "#";
        }
        if (!link.IsImage || IsDecorative(link)) return;
        var alt = AltText(link);
        if (string.IsNullOrWhiteSpace(alt))
            diagnostics.Error(At(prose, link), "this image has no alt text: describe it between the brackets, as in ![A panel member speaking at the event](...). If it is purely decorative, add {.decorative} straight after it.");
        else if (Validate.AltText.Problem(alt, url ?? "") is { } meaningless)
            diagnostics.Warning(At(prose, link), meaningless);
    }

    /// <summary>Pictures written as raw HTML get the same alt text check as markdown ones (a missing alt is left to
    /// the sanitiser and the page checks).</summary>
    static void CheckRawImages(string html, SourceLocation at, DiagnosticBag diagnostics)
    {
        foreach (Match img in RawImage().Matches(html))
            if (Validate.AltText.Problem(WebUtility.HtmlDecode(img.Groups["alt"].Value), img.Groups["src"].Value) is { } meaningless)
                diagnostics.Warning(at, meaningless);
    }

    [GeneratedRegex(@"<img\b(?=[^>]*\balt\s*=\s*[""'](?<alt>[^""']+)[""'])(?:(?=[^>]*\bsrc\s*=\s*[""'](?<src>[^""']*)[""']))?[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex RawImage();

    static bool IsDecorative(LinkInline link) => link.TryGetAttributes()?.Classes?.Contains("decorative") ?? false;

    static string AltText(LinkInline link) =>
        string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    static SourceLocation At(Prose prose, Inline inline) =>
        new(prose.At.Path, prose.At.Line + inline.Line, (inline.Line == 0 ? prose.At.Column : 1) + inline.Column);

    /// <summary>The text of a document without markup (HTML rendering with HTML output off), one renderer per thread:
    /// setting up a renderer costs more than rendering a short field.</summary>
    sealed class PlainWriter
    {
        [ThreadStatic] static PlainWriter? current;
        public static PlainWriter Current => current ??= new PlainWriter();

        readonly StringWriter writer = new();
        readonly HtmlRenderer renderer;

        PlainWriter()
        {
            renderer = new HtmlRenderer(writer) { EnableHtmlForBlock = false, EnableHtmlForInline = false, EnableHtmlEscape = true };
            Pipeline.Setup(renderer);
        }

        public string Write(MarkdownDocument document)
        {
            writer.GetStringBuilder().Clear();
            renderer.Render(document);
            return writer.ToString();
        }
    }

    static string UnwrapParagraph(string html)
    {
        var trimmed = html.Trim();
        return trimmed.StartsWith("<p>", StringComparison.Ordinal) && trimmed.EndsWith("</p>", StringComparison.Ordinal)
            ? trimmed[3..^4] : trimmed;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
