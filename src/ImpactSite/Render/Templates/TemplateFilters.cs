using System.Globalization;
using Fluid;
using Fluid.Values;
using ImpactSite.Content;
using ImpactSite.Text;
using ImpactSite.Render.Markdown;
using ImpactSite.Render.Pages;
using ImpactSite.Content.People;

namespace ImpactSite.Render.Templates;

/// <summary>
/// One filter a layout can use beyond Liquid's own: its name, what it takes and gives (for the layout checker), and
/// an example that a test renders, so the documentation (docs/theme.md) cannot drift from what the filter does.
/// </summary>
public sealed record TemplateFilter(string Name, string Summary, Type Input, Type Result, string Example, string ExampleOutput,
    Func<FluidValue, FilterArguments, FluidValue> Apply);

/// <summary>The few filters themes need, kept small so layouts stay logic-light.</summary>
public static class TemplateFilters
{
    public static readonly IReadOnlyList<TemplateFilter> All =
    [
        new("long_date", "A date in words.", typeof(DateOnly), typeof(string),
            "{{ '2025-03-12' | long_date }}", "12 March 2025",
            (input, _) => Text(AsDate(input) is { } d ? English.Date(d) : "")),
        new("iso_date", "A date as YYYY-MM-DD, for <time datetime>.", typeof(DateOnly), typeof(string),
            "{{ '2025-03-12' | iso_date }}", "2025-03-12",
            (input, _) => Text(AsDate(input)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")),
        new("number", "A number with at most one decimal; a dash when there is none.", typeof(double), typeof(string),
            "{{ 49.5 | number }} {{ 12 | number }} {{ nothing | number }}", "49.5 12 –",
            (input, _) => Text(input.IsNil() ? "–" : input.ToNumberValue().ToString("0.#", CultureInfo.InvariantCulture))),
        new("plural", "A count with the right word: the singular, then the plural.", typeof(int), typeof(string),
            "{{ 1 | plural: 'day', 'days' }}, {{ 3 | plural: 'day', 'days' }}", "1 day, 3 days",
            (input, args) => Text(English.Count((int)input.ToNumberValue(), args.At(0).ToStringValue(), args.At(1).ToStringValue()))),
        new("credits", "People as each of them consented to be credited, as a list in words.", typeof(IEnumerable<CreditView>), typeof(string),
            "{{ people | credits }}", "Robin Example (Panel member) and a LEAP member",
            (input, _) => Text(English.List(input.Enumerate(TemplateContextless).Select(v => v.ToStringValue()).ToList()))),
        new("capitalize_first", "The text with its first letter in capitals and the rest as it is: for a credit or list that starts a sentence.", typeof(string), typeof(string),
            "{{ 'a LEAP member and Robin Example' | capitalize_first }}", "A LEAP member and Robin Example",
            (input, _) => Text(SentenceStart.Capitalise(input.ToStringValue()))),
        new("slug", "A topic's part of its page address (its page is site.tags_url + slug + '/'); empty when it has no letter or digit.", typeof(string), typeof(string),
            "{{ 'Plain English' | slug }}", "plain-english",
            (input, _) => Text(Topics.Slug(input.ToStringValue()) ?? "")),
        new("standard_label", "An involvement standard's id in words.", typeof(string), typeof(string),
            "{{ 'inclusive-opportunities' | standard_label }}", "Inclusive opportunities",
            (input, _) => Text(Standards.Label(input.ToStringValue()))),
    ];

    /// <summary>What the examples above read, besides literals.</summary>
    public static void SetExampleValues(TemplateContext context) =>
        context.SetValue("people", new[]
        {
            new CreditView(new Person { Id = "robin", ChosenCredit = CreditKind.Name, Name = "Robin Example", Role = "Panel member", At = new("people.yml", 1, 1) }),
            new CreditView(new Person { Id = "lee", ChosenCredit = CreditKind.Role, Name = "Withheld Example", Role = "LEAP member", At = new("people.yml", 2, 1) }),
        });

    public static void Register(TemplateOptions options)
    {
        foreach (var filter in All)
            options.Filters.AddFilter(filter.Name, (input, args, _) => new ValueTask<FluidValue>(filter.Apply(input, args)));
    }

    static readonly TemplateContext TemplateContextless = new();

    static FluidValue Text(string text) => new StringValue(text);

    static DateOnly? AsDate(FluidValue value) => value.ToObjectValue() switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        DateTimeOffset dto => DateOnly.FromDateTime(dto.DateTime), // how Fluid hands a DateOnly to a filter
        string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d,
        _ => null,
    };
}
