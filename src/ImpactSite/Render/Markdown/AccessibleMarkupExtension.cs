using Markdig;
using Markdig.Extensions.Footnotes;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace ImpactSite.Render.Markdown;

/// <summary>
/// Adjusts two of Markdig's renderings so they read well to everyone: task-list items say "Done:" or "To do:" in words
/// (instead of unlabelled, disabled checkboxes), and footnote back-links have link text a screen reader can announce.
/// Register it after the extensions it adjusts.
/// </summary>
public sealed class AccessibleMarkupExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        html.ObjectRenderers.ReplaceOrAdd<HtmlTaskListRenderer>(new TaskStateRenderer());
        if (html.ObjectRenderers.FindExact<HtmlFootnoteLinkRenderer>() is { } footnotes)
            footnotes.BackLinkString = "<span aria-hidden=\"true\">↩</span><span class=\"visually-hidden\">Back to the text</span>";
    }

    sealed class TaskStateRenderer : HtmlObjectRenderer<TaskList>
    {
        protected override void Write(HtmlRenderer renderer, TaskList task)
        {
            var state = task.Checked ? "Done:" : "To do:";
            if (renderer.EnableHtmlForInline) renderer.Write("<span class=\"task-list-state\">").Write(state).Write("</span>");
            else renderer.Write(state);
        }
    }
}
