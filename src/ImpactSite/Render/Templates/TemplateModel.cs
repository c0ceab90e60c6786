using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.RegularExpressions;
using Fluid;
using ImpactSite.Render.Pages;
using ImpactSite.Content;
using ImpactSite.Content.People;
using ImpactSite.Content.Studies;

namespace ImpactSite.Render.Templates;

/// <summary>
/// What layouts can see, in one place for the renderer and the layout checker alike: which types, which of their members
/// (by their Liquid names: C# properties in snake_case), and what a person becomes. A layout never gets a
/// <see cref="Person"/>: every person reaches it as a <see cref="CreditView"/>, which holds only the public credit, so
/// no layout can print a stored name however it is written.
/// </summary>
public static partial class TemplateModel
{
    /// <summary>The types whose members layouts may read. Lists of them are read element by element.</summary>
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(SiteView), typeof(Link), typeof(Citation), typeof(CitationDownloads), typeof(MetaTag), typeof(ReleaseView), typeof(CreditView),
        typeof(Study), typeof(Entry), .. ContentKinds.Entries.SelectMany(k => k.LayoutTypes.Prepend(k.EntryType)),
        typeof(Prose), typeof(ImpactFigures), typeof(StatusCount), typeof(QuarterActivity), typeof(StandardCoverage),
        typeof(StatusFilter), typeof(TopicLink), typeof(EntryStandards),
        .. PageViews.Types,
    ];

    /// <summary>Members layouts must not read: unrendered markdown (gone once rendered), build bookkeeping, input paths.</summary>
    static readonly HashSet<(Type, string)> Hidden =
    [
        (typeof(Prose), nameof(Prose.Markdown)), (typeof(Prose), nameof(Prose.Problems)), (typeof(Prose), nameof(Prose.IsNew)),
        (typeof(Prose), nameof(Prose.At)), (typeof(Prose), nameof(Prose.Inline)), (typeof(Entry), nameof(Entry.SourcePath)),
        (typeof(Entry), nameof(Entry.RedirectFrom)), (typeof(Entry), nameof(Entry.OutputPath)), (typeof(PageView), nameof(PageView.SourcePath)),
    ];

    /// <summary>Members whose value is sanitised HTML: the only values a layout may print with <c>| raw</c>.</summary>
    static readonly HashSet<(Type, string)> Html = [(typeof(Prose), nameof(Prose.Html)), (typeof(Citation), nameof(Citation.JsonLd))];

    public static bool IsSafeHtml(PropertyInfo property) => Html.Contains((property.DeclaringType!, property.Name));

    static readonly Dictionary<Type, IReadOnlyDictionary<string, PropertyInfo>> members = [];

    /// <summary>The members of a type that layouts may read, by Liquid name; empty for a type layouts cannot open.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = RootedJustification)]
    public static IReadOnlyDictionary<string, PropertyInfo> MembersOf(Type type)
    {
        lock (members)
        {
            if (members.TryGetValue(type, out var known)) return known;
            var visible = Types.Any(t => t.IsAssignableFrom(type))
                ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && !Hidden.Contains((p.DeclaringType!, p.Name)))
                    .GroupBy(p => LiquidName(p.Name)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
                : new Dictionary<string, PropertyInfo>();
            return members[type] = visible;
        }
    }

    /// <summary>What a layout sees in place of a value of this type (a person becomes their credit).</summary>
    public static Type Shown(Type type) => type == typeof(Person) ? typeof(CreditView) : type;

    /// <summary>The element type of a list a layout can loop over, or null for anything else (strings included).</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Lists are our types' property types; a trimmed executable keeps the interfaces of every type it constructs.")]
    public static Type? ElementOf(Type type)
    {
        if (type == typeof(string)) return null;
        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return list is null ? (typeof(IEnumerable).IsAssignableFrom(type) ? typeof(object) : null) : Shown(list.GetGenericArguments()[0]);
    }

    public static string LiquidName(string member) => Snake().Replace(member, "$1_$2").ToLowerInvariant();

    /// <summary>Sets Fluid up to show exactly what <see cref="MembersOf"/> lists, with people as credits.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = RootedJustification)]
    public static void Configure(TemplateOptions options)
    {
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.ValueConverters.Add(value => value is Person person ? new CreditView(person) : null);
        // Fluid would otherwise print a DateOnly through ToString (month first); as a date value, filters get the date.
        options.ValueConverters.Add(value => value is DateOnly date
            ? new Fluid.Values.DateTimeValue(new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)) : null);
        // Each type's visible members by name: anything else (a stored name, unrendered markdown) reads as nothing.
        foreach (var type in Types) options.MemberAccessStrategy.Register(type, [.. MembersOf(type).Keys]);
    }

    // Only our own types' members are read (anything else gets no members), and the csproj roots our assembly
    // (TrimmerRootAssembly), so trimming keeps every property a layout may see.
    const string RootedJustification = "Only types of the impactsite assembly, which is rooted whole when trimmed.";

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Snake();
}

/// <summary>A person as layouts see them: the public credit, and nothing else they have stored.</summary>
public sealed class CreditView(Person person)
{
    /// <summary>The credit as chosen (name, pseudonym or role, with the role).</summary>
    public string Credit => person.Credit;
    public string? Role => person.Role;
    public override string ToString() => Credit;
}
