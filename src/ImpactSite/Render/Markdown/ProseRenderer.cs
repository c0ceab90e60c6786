using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.MediaLinks;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ImpactSite.Scaffold;
using ImpactSite.Validate;
using ImpactSite.Content;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Markdown to HTML in three steps, as Markdig intends: parse, resolve (mentions, links, images against the site graph,
/// with located diagnostics), render; then every piece is made safe (<see cref="SafeMarkup"/>). The pipeline is built
/// once and shared by every thread. Text Markdig cannot read in reasonable time, or at all, is a located error for
/// that one piece, never an exception for the build or the preview.
/// </summary>
public sealed partial class ProseRenderer(SiteGraph graph)
{
    static readonly MarkdownPipeline Pipeline = Create();

    /// <summary>Markdig's advanced extensions without media links, which turn a YouTube, Vimeo or .mp4 address into a
    /// frame or a player from another site.</summary>
    static MarkdownPipeline Create()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        builder.Extensions.TryRemove<MediaLinkExtension>();
        return builder.Use<MentionExtension>().Use<AccessibleMarkupExtension>().Build();
    }

    readonly LinkResolver links = new(graph);

    /// <summary>Markdown as the site reads it (before links and mentions are resolved).</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>Renders the prose; its problems stay with it (<see cref="Prose.Problems"/>) for each build to report.</summary>
    public void Render(Prose prose, string sourcePath)
    {
        var markdown = prose.Markdown;
        var problems = new DiagnosticBag();
        if (MarkdownLimits.Check(markdown) is { } limit)
        {
            problems.Error(At(prose, limit.Line - 1, limit.Column - 1), limit.Message);
            Unreadable(prose, markdown, problems);
            return;
        }
        MarkdownDocument document;
        string html;
        try
        {
            document = Parse(markdown);
            ReportPlaceholders(markdown, prose, problems);
            Resolve(document, prose, sourcePath, problems);
            html = document.ToHtml(Pipeline); // Markdig pools its HTML renderers
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig gives up on some input (an ArgumentException for markup nested too deeply) and may fail on more.
            problems.Error(prose.At, $"this text could not be read as markdown ({e.Message.TrimEnd('.')}): look for brackets, '*' or '_' marks, or quotes nested very deeply, and simplify them.");
            Unreadable(prose, markdown, problems);
            return;
        }
        if (prose.Inline && document is [ParagraphBlock]) html = UnwrapParagraph(html);
        prose.Rendered(SafeMarkup.Of(document, html), PlainWriter.Current.Write(document), problems.Sorted());
    }

    /// <summary>Prose that could not be rendered (reported) shows as its escaped source: the build fails anyway, and the
    /// preview's banner says why.</summary>
    static void Unreadable(Prose prose, string markdown, DiagnosticBag problems) =>
        prose.Rendered("<p>" + WebUtility.HtmlEncode(markdown) + "</p>", markdown, problems.Sorted());

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
                    if (graph.People.TryGetValue(mention.Id.ToLowerInvariant(), out var person))
                        mention.Credit = SentenceStart.IsAt(mention) ? SentenceStart.Capitalise(person.Credit) : person.Credit;
                    else
                    {
                        mention.Credit = "@" + mention.Id;
                        diagnostics.Error(At(prose, mention), $"'@{mention.Id}' is not in people.yml: add them there, or correct the id (write \\@ for a plain '@').{Suggestions.DidYouMean(mention.Id.ToLowerInvariant(), graph.People.Keys)}");
                    }
                    break;
                case LinkInline link:
                    ResolveLink(link, prose, sourcePath, diagnostics);
                    break;
                case AutolinkInline autolink when !autolink.IsEmail:
                    // <scheme:...> is a link too: only the schemes links may use are kept.
                    var result = links.Resolve(autolink.Url, sourcePath);
                    if (result.Warning is not null) diagnostics.Warning(At(prose, autolink), result.Warning);
                    autolink.Url = result.Url ?? "#";
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
            if (link.IsImage && result.Url is { } src && LinkResolver.IsOtherSite(src))
                diagnostics.Error(At(prose, link), $"this picture is on another website ({Shorten(src)}), and the site shows pictures only from its own assets/ folder (a picture from elsewhere can track readers, or change after you checked it): save it under assets/ and link to it there.");
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

    static SourceLocation At(Prose prose, Inline inline) => At(prose, inline.Line, inline.Column);

    /// <summary>A place in the prose (0-based line and column within it) as a place in its file.</summary>
    static SourceLocation At(Prose prose, int line, int column) =>
        new(prose.At.Path, prose.At.Line + line, (line == 0 ? prose.At.Column : 1) + column);

    static string Shorten(string url) => url.Length > 50 ? url[..50] + "…" : url;

    /// <summary>The text of a document without markup (HTML rendering with HTML output off), decoded, with each run of
    /// white space as one space and none at either end. One renderer per thread: setting up a renderer costs more than
    /// rendering a short field.</summary>
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
            var text = writer.GetStringBuilder().Clear();
            renderer.Render(document);
            // Markdig escapes the text it writes; most prose has nothing escaped, and is not copied to be decoded.
            if (HasReference(text))
            {
                var decoded = WebUtility.HtmlDecode(text.ToString());
                text.Clear().Append(decoded);
            }
            return Collapsed(text);
        }

        static bool HasReference(System.Text.StringBuilder text)
        {
            foreach (var chunk in text.GetChunks())
                if (chunk.Span.Contains('&')) return true;
            return false;
        }

        /// <summary>The text with each run of white space (char.IsWhiteSpace) as one space and none at either end, in one
        /// copy (all of a site's prose passes through here).</summary>
        static string Collapsed(System.Text.StringBuilder text)
        {
            var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
            var length = 0;
            var space = false;
            foreach (var chunk in text.GetChunks())
                foreach (var c in chunk.Span)
                {
                    if (char.IsWhiteSpace(c))
                    {
                        space = length > 0;
                        continue;
                    }
                    if (space) buffer[length++] = ' ';
                    space = false;
                    buffer[length++] = c;
                }
            var collapsed = new string(buffer, 0, length);
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            return collapsed;
        }
    }

    static string UnwrapParagraph(string html)
    {
        var trimmed = html.Trim();
        return trimmed.StartsWith("<p>", StringComparison.Ordinal) && trimmed.EndsWith("</p>", StringComparison.Ordinal)
            ? trimmed[3..^4] : trimmed;
    }

}
