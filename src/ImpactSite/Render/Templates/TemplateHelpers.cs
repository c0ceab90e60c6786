using System.Globalization;
using HandlebarsDotNet;
using ImpactSite.Model;

namespace ImpactSite.Render.Templates;

/// <summary>The few helpers themes need, kept small so templates stay logic-light. Documented in docs/theme.md.</summary>
public static class TemplateHelpers
{
    static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("date", (writer, _, args) => writer.Write(AsDate(Arg(args, 0)) is { } d ? Model.English.Date(d) : ""));
        handlebars.RegisterHelper("isoDate", (writer, _, args) => writer.Write(AsDate(Arg(args, 0))?.ToString("yyyy-MM-dd", English) ?? ""));
        handlebars.RegisterHelper("number", (writer, _, args) => writer.Write(Arg(args, 0) is { } n ? Convert.ToDouble(n, English).ToString("0.#", English) : "–"));
        handlebars.RegisterHelper("plural", (writer, _, args) =>
        {
            writer.Write(Model.English.Count(Convert.ToInt32(Arg(args, 0) ?? 0, English), $"{Arg(args, 1)}", $"{Arg(args, 2)}"));
        });
        handlebars.RegisterHelper("credits", (writer, _, args) =>
            writer.Write(Model.English.List((Arg(args, 0) as IEnumerable<Person> ?? []).Select(p => p.Credit).ToList())));
        handlebars.RegisterHelper("standardLabel", (writer, _, args) => writer.Write(Standards.Label(Arg(args, 0)?.ToString() ?? "")));
        handlebars.RegisterHelper("eq", (_, args) => Equals(Normalise(Arg(args, 0)), Normalise(Arg(args, 1))));
        handlebars.RegisterHelper("gt", (_, args) => Convert.ToDouble(Arg(args, 0) ?? 0, English) > Convert.ToDouble(Arg(args, 1) ?? 0, English));
        handlebars.RegisterHelper("and", (_, args) => Truthy(Arg(args, 0)) && Truthy(Arg(args, 1)));
        handlebars.RegisterHelper("or", (_, args) => Truthy(Arg(args, 0)) || Truthy(Arg(args, 1)));
        handlebars.RegisterHelper("not", (_, args) => !Truthy(Arg(args, 0)));
    }

    static object? Arg(Arguments args, int i) => i < args.Length ? Unwrap(args[i]) : null;

    /// <summary>Handlebars passes missing members as an 'undefined' marker; treat them as null.</summary>
    static object? Unwrap(object? value) => value is UndefinedBindingResult ? null : value;

    static object? Normalise(object? value) => value switch
    {
        null => null,
        string s => s,
        int or long or double or float or decimal => Convert.ToDouble(value, English),
        _ => value.ToString(),
    };

    static DateOnly? AsDate(object? value) => value switch
    {
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        _ => null,
    };

    static bool Truthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int n => n != 0,
        System.Collections.IEnumerable e => e.GetEnumerator().MoveNext(),
        _ => true,
    };
}
