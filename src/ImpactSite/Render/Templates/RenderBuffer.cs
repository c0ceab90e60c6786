using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace ImpactSite.Render.Templates;

/// <summary>
/// Where a page is rendered: one text buffer per thread, per use (the layout, then base.liquid around it), cleared and
/// used again for the next page. Rendering into a fresh builder and copying it out as a string cost about 40 KB of
/// garbage per 12 KB page, and at 100,000 pages the collections it caused were a fifth of the build.
/// </summary>
sealed class RenderBuffer
{
    /// <summary>A buffer grown past this many characters (by a page of more than 1 MB) is replaced at its next use, so a
    /// long-running preview does not keep it.</summary>
    const int KeptCapacity = 512 * 1024;

    [ThreadStatic] static RenderBuffer? layout, page;

    readonly StringBuilder text = new();

    /// <summary>The buffer for a page's own layout.</summary>
    public static RenderBuffer ForLayout() => Take(ref layout);

    /// <summary>The buffer for base.liquid, around the layout's output.</summary>
    public static RenderBuffer ForPage() => Take(ref page);

    static RenderBuffer Take(ref RenderBuffer? slot)
    {
        if (slot is null || slot.text.Capacity > KeptCapacity) slot = new RenderBuffer();
        slot.text.Clear();
        return slot;
    }

    /// <summary>Renders into the buffer. Fluid closes the writer it is given when it is done, so each render has its own
    /// (the builder stays open). Our filters and partials never wait, so the render has finished when it returns.</summary>
    public void Render(IFluidTemplate template, TemplateContext context, TextEncoder encoder)
    {
        var rendering = template.RenderAsync(new StringWriter(text, CultureInfo.InvariantCulture), context, encoder);
        if (!rendering.IsCompletedSuccessfully) rendering.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>What was rendered, as a value a template prints as it is (already encoded), without copying it first.</summary>
    public FluidValue AsHtml() => new RenderedHtml(text);

    public override string ToString() => text.ToString();

    /// <summary>base.liquid prints the layout's output with <c>| raw</c>, which would copy it into a string first: the
    /// rendered HTML passes through as it is, and every other value goes to Liquid's own raw.</summary>
    public static void PassThroughRaw(TemplateOptions options)
    {
        if (!options.Filters.TryGetValue("raw", out var raw)) return;
        options.Filters.AddFilter("raw", (input, arguments, context) => input is RenderedHtml ? new ValueTask<FluidValue>(input) : raw(input, arguments, context));
    }

    /// <summary>Rendered HTML in a template's variable (base.liquid's <c>content</c>): printed as it is, chunk by chunk.</summary>
    sealed class RenderedHtml(StringBuilder html) : FluidValue
    {
        public override FluidValues Type => FluidValues.String;
        public override bool Equals(FluidValue other) => other.ToStringValue() == ToStringValue();
        public override bool ToBooleanValue() => true;
        public override decimal ToNumberValue() => 0;
        public override string ToStringValue() => html.ToString();
        public override object ToObjectValue() => ToStringValue();
        public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
        {
            writer.Write(html);
            return ValueTask.CompletedTask;
        }

        public override bool Equals(object? other) => other is FluidValue value && Equals(value);
        public override int GetHashCode() => ToStringValue().GetHashCode(StringComparison.Ordinal);
    }
}
