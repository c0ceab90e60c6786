using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace ImpactSite.Render.Markdown;

/// <summary>An '@id' in a body. The resolve step looks the id up in people.yml and fills in the public credit.</summary>
public sealed class MentionInline : LeafInline
{
    public required string Id { get; init; }
    public string Credit { get; set; } = "";
}

/// <summary>
/// Parses '@id' where it follows the start of a line, a space or punctuation (so e-mail addresses are left alone).
/// Ids in people.yml are lower-case letters, digits and hyphens; capitals are read too ('@Priya-F'), so a mention typed
/// with them is still turned into a credit (or reported), never published as typed.
/// </summary>
public sealed class MentionParser : InlineParser
{
    public MentionParser() => OpeningCharacters = ['@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var before = slice.PeekCharExtra(-1);
        if (!(before == '\0' || char.IsWhiteSpace(before) || (char.IsPunctuation(before) && before != '@'))) return false;
        var start = slice.Start;
        var end = start + 1;
        while (end <= slice.End && IsIdChar(slice.Text[end])) end++;
        while (end > start + 1 && slice.Text[end - 1] == '-') end--;
        if (end == start + 1 || slice.Text[start + 1] == '-') return false;

        var mention = new MentionInline { Id = slice.Text[(start + 1)..end] };
        mention.Span = new(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(end - 1));
        mention.Line = line;
        mention.Column = column;
        processor.Inline = mention;
        slice.Start = end;
        return true;
    }

    static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';
}

/// <summary>Writes the credit (never the id, never a stored name) and marks it so readers and styles can tell credits apart.</summary>
public sealed class MentionRenderer : HtmlObjectRenderer<MentionInline>
{
    protected override void Write(HtmlRenderer renderer, MentionInline mention)
    {
        if (renderer.EnableHtmlForInline) renderer.Write("<span class=\"credit\">").WriteEscape(mention.Credit).Write("</span>");
        else renderer.WriteEscape(mention.Credit);
    }
}

public sealed class MentionExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<MentionParser>()) pipeline.InlineParsers.Insert(0, new MentionParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<MentionRenderer>())
            html.ObjectRenderers.Insert(0, new MentionRenderer());
    }
}
