using Markdig.Extensions.Abbreviations;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.DefinitionLists;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Footers;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.Mathematics;
using Markdig.Extensions.Tables;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Every piece of rendered prose is safe on an allow-list, one of two ways. A document made only of the markdown
/// elements below, with no attributes beyond id and class, is safe as Markdig wrote it: their renderers write fixed
/// tags and escape every piece of text, and the links and images in it were resolved to safe schemes and to this site
/// (<see cref="ProseRenderer"/>). Anything else (raw HTML, attributes written in braces, an element this list does not
/// know) is cleaned by HtmlSanitizer (<see cref="ContributedHtml"/>). Most prose is plain markdown, and sanitising
/// every piece would cost the build more than all its markdown (docs/performance.md); the tests hold both ways to the
/// same allow-list of tags, attributes and schemes.
/// </summary>
public static class SafeMarkup
{
    static readonly HashSet<Type> Plain =
    [
        typeof(MarkdownDocument), typeof(ParagraphBlock), typeof(HeadingBlock), typeof(QuoteBlock), typeof(ListBlock),
        typeof(ListItemBlock), typeof(ThematicBreakBlock), typeof(CodeBlock), typeof(FencedCodeBlock), typeof(BlankLineBlock),
        typeof(EmptyBlock), typeof(LinkReferenceDefinitionGroup), typeof(LinkReferenceDefinition), typeof(HeadingLinkReferenceDefinition),
        typeof(Table), typeof(TableRow), typeof(TableCell), typeof(FootnoteGroup), typeof(Footnote), typeof(FootnoteLink),
        typeof(FootnoteLinkReferenceDefinition), typeof(DefinitionList), typeof(DefinitionItem), typeof(DefinitionTerm),
        typeof(Figure), typeof(FigureCaption), typeof(FooterBlock), typeof(Abbreviation), typeof(AbbreviationInline),
        typeof(CustomContainer), typeof(CustomContainerInline), typeof(MathBlock), typeof(MathInline), typeof(TaskList),
        typeof(LiteralInline), typeof(EmphasisInline), typeof(CodeInline), typeof(LineBreakInline), typeof(HtmlEntityInline),
        typeof(LinkInline), typeof(AutolinkInline), typeof(ContainerInline), typeof(EmphasisDelimiterInline),
        typeof(LinkDelimiterInline), typeof(PipeTableDelimiterInline), typeof(MentionInline),
    ];

    /// <summary>The HTML Markdig rendered for this document, made safe.</summary>
    public static string Of(MarkdownDocument document, string html) =>
        IsPlain(document) ? html : ContributedHtml.Sanitize(html);

    /// <summary>Whether the document holds only elements whose rendering is safe as it is.</summary>
    public static bool IsPlain(MarkdownDocument document)
    {
        foreach (var node in document.Descendants())
            if (!Plain.Contains(node.GetType()) || node.TryGetAttributes()?.Properties is { Count: > 0 }) return false;
        return true;
    }
}
