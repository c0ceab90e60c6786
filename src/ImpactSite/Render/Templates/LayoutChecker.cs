using System.Reflection;
using Fluid;
using Fluid.Ast;
using Fluid.Ast.BinaryExpressions;
using Fluid.Parser;
using Fluid.Values;
using ImpactSite.Validate;

namespace ImpactSite.Render.Templates;

/// <summary>A theme file parsed once: its name (without .liquid), where it is, its text (to locate problems) and its tree.</summary>
public sealed record ThemeTemplate(string Name, string Path, string Text, IFluidTemplate Template)
{
    public IReadOnlyList<Statement> Statements => ((FluidTemplate)Template).Statements;
}

/// <summary>
/// Holds every layout to the view it renders, before any page is made: a field the view does not have (a misspelt
/// <c>page.decision.yuo_said</c>), a person's stored name, a filter that does not exist, a partial that is missing or is
/// not given what it reads, a list or a number tested as if it could be false, and unescaped output of anything but
/// sanitised HTML are each a located error in the theme file. Liquid itself prints nothing for all of these, which is how
/// a misspelt field once blanked every "you said" with no test noticing.
/// </summary>
public sealed class LayoutChecker(IReadOnlyDictionary<string, ThemeTemplate> partials, DiagnosticBag diagnostics)
{
    /// <summary>Liquid's own filters a layout may use, and what they give (null: the same as their input).</summary>
    static readonly Dictionary<string, Type?> LiquidFilters = new(StringComparer.Ordinal)
    {
        ["escape"] = typeof(string), ["escape_once"] = typeof(string), ["url_encode"] = typeof(string), ["upcase"] = typeof(string),
        ["downcase"] = typeof(string), ["capitalize"] = typeof(string), ["append"] = typeof(string), ["prepend"] = typeof(string),
        ["strip"] = typeof(string), ["truncate"] = typeof(string), ["truncatewords"] = typeof(string), ["replace"] = typeof(string),
        ["remove"] = typeof(string), ["join"] = typeof(string), ["strip_html"] = typeof(string), ["newline_to_br"] = typeof(string),
        ["size"] = typeof(int), ["plus"] = typeof(double), ["minus"] = typeof(double), ["times"] = typeof(double),
        ["divided_by"] = typeof(double), ["round"] = typeof(double), ["default"] = null, ["where"] = null, ["sort"] = null,
        ["reverse"] = null, ["uniq"] = null, ["compact"] = null, ["slice"] = null,
    };

    /// <summary>Per checker: NullabilityInfoContext caches without locks, and themes may load on several threads.</summary>
    readonly NullabilityInfoContext nullability = new();
    static readonly Dictionary<string, Shape> ForLoop = new(StringComparer.Ordinal)
    {
        ["index"] = Shape.Of(typeof(int)), ["index0"] = Shape.Of(typeof(int)), ["rindex"] = Shape.Of(typeof(int)),
        ["rindex0"] = Shape.Of(typeof(int)), ["first"] = Shape.Of(typeof(bool)), ["last"] = Shape.Of(typeof(bool)),
        ["length"] = Shape.Of(typeof(int)),
    };

    readonly HashSet<string> checkedCalls = new(StringComparer.Ordinal);
    readonly Dictionary<(Where Walk, string Needle), int> located = [];
    readonly HashSet<(Where, string)> notPassedReported = [];
    /// <summary>A partial rendered from several places is checked for each, but each problem in it is reported once.</summary>
    readonly HashSet<(string, int, int, string)> reported = [];

    /// <summary>Checks a layout given the names it can read ('page', 'site', and for base.liquid 'content').</summary>
    public void Check(ThemeTemplate layout, IReadOnlyDictionary<string, Type> names) =>
        Walk(layout.Statements, new Scope(null, names.ToDictionary(n => n.Key, n => Shape.Of(n.Value), StringComparer.Ordinal)),
            new Where(layout, null));

    /// <summary>The static type of a value in a layout: its .NET type (null when it cannot be known), whether it may be
    /// nil, and whether it is sanitised HTML.</summary>
    readonly record struct Shape(Type? Type, bool MaybeNil = false, bool SafeHtml = false, bool NotPassed = false)
    {
        public static Shape Of(Type type) => new(type, SafeHtml: type == typeof(SafeHtml));
        public static readonly Shape Unknown = new(null, MaybeNil: true);
        public static readonly Shape Text = new(typeof(string));
        public Type? Element => Type is null ? null : TemplateModel.ElementOf(Type);
    }

    sealed class Scope(Scope? parent, Dictionary<string, Shape>? names = null)
    {
        readonly Dictionary<string, Shape> names = names ?? new(StringComparer.Ordinal);
        public Shape? Find(string name) => names.TryGetValue(name, out var s) ? s : parent?.Find(name);
        public void Set(string name, Shape shape) => names[name] = shape;
        public IEnumerable<string> Names => names.Keys.Concat(parent?.Names ?? []);
    }

    /// <summary>The file being checked, and for a partial the layout it was rendered from.</summary>
    sealed record Where(ThemeTemplate File, string? From);

    void Walk(IEnumerable<Statement> statements, Scope scope, Where where)
    {
        foreach (var statement in statements) Walk(statement, scope, where);
    }

    void Walk(Statement statement, Scope scope, Where where)
    {
        switch (statement)
        {
            case TextSpanStatement or CommentStatement or RawStatement or BreakStatement or ContinueStatement or NoOpStatement:
                break;
            case OutputStatement output:
                Print(Check(output.Expression, scope, where), output.Expression, where);
                break;
            case IfStatement branch:
                Condition(branch.Condition, scope, where);
                Walk(branch.Statements, new Scope(scope), where);
                foreach (var elseIf in branch.ElseIfs)
                {
                    Condition(elseIf.Condition, scope, where);
                    Walk(elseIf.Statements, new Scope(scope), where);
                }
                if (branch.Else is { } otherwise) Walk(otherwise.Statements, new Scope(scope), where);
                break;
            case UnlessStatement unless:
                Condition(unless.Condition, scope, where);
                Walk(unless.Statements, new Scope(scope), where);
                if (unless.Else is { } otherwise2) Walk(otherwise2.Statements, new Scope(scope), where);
                break;
            case CaseStatement choice:
                Check(choice.Expression, scope, where);
                foreach (var when in choice.Whens) Walk(when.Statements, new Scope(scope), where);
                if (choice.Else is { } otherwise3) Walk(otherwise3.Statements, new Scope(scope), where);
                break;
            case ForStatement loop:
                Loop(loop, scope, where);
                break;
            case AssignStatement assign:
                scope.Set(assign.Identifier, Check(assign.Value, scope, where) with { NotPassed = false });
                break;
            case CaptureStatement capture:
                Walk(capture.Statements, new Scope(scope), where);
                scope.Set(capture.Identifier, Shape.Text);
                break;
            case IncrementStatement or DecrementStatement:
                scope.Set(statement is IncrementStatement i ? i.Identifier : ((DecrementStatement)statement).Identifier, Shape.Of(typeof(int)));
                break;
            case RenderStatement render:
                Render(render, scope, where);
                break;
            case LiquidStatement liquid:
                Walk(liquid.Statements, scope, where);
                break;
            default:
                Report(where, TagName(statement), $"the '{TagName(statement)}' tag is not supported in ImpactSite layouts: use if, unless, case, for, assign, capture and render.");
                break;
        }
    }

    static string TagName(Statement statement) => statement.GetType().Name.Replace("Statement", "").ToLowerInvariant();

    void Loop(ForStatement loop, Scope scope, Where where)
    {
        Type element = typeof(int);
        if (loop.Source is not null)
        {
            var source = Check(loop.Source, scope, where);
            if (source.Type is null) element = typeof(object);
            else if (source.Element is { } e) element = e;
            else Report(where, Needle(loop.Source), $"'{Needle(loop.Source)}' is not a list, so it cannot be looped over with for.");
        }
        if (loop.Limit is not null) Check(loop.Limit, scope, where);
        if (loop.Offset is not null) Check(loop.Offset, scope, where);
        var body = new Scope(scope);
        body.Set(loop.Identifier, element == typeof(object) ? Shape.Unknown : Shape.Of(element));
        body.Set("forloop", Shape.Of(typeof(ForLoopShape)));
        Walk(loop.Statements, body, where);
        if (loop.Else is { } otherwise) Walk(otherwise.Statements, new Scope(scope), where);
    }

    /// <summary>Marks the loop variable for the checker; Fluid provides the real one.</summary>
    sealed class ForLoopShape;

    void Render(RenderStatement render, Scope scope, Where where)
    {
        if (!partials.TryGetValue(render.Path, out var partial))
        {
            Report(where, render.Path, $"there is no partial '{render.Path}': add partials/{render.Path}.liquid, or fix the name.{Suggestions.DidYouMean(render.Path, partials.Keys)}");
            return;
        }
        // A rendered partial sees only what it is given (Liquid's render is isolated), and 'site'.
        var given = new Dictionary<string, Shape>(StringComparer.Ordinal);
        if (scope.Find("site") is { } site) given["site"] = site;
        foreach (var assign in render.AssignStatements ?? []) given[assign.Identifier] = Check(assign.Value, scope, where);
        if (render.With is not null) given[render.Alias ?? render.Path] = Check(render.With, scope, where);
        if (render.For is not null)
        {
            var list = Check(render.For, scope, where);
            given[render.Alias ?? render.Path] = list.Element is { } e ? Shape.Of(e) : Shape.Unknown;
        }
        var signature = partial.Name + "(" + string.Join(",", given.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Value}")) + ")";
        if (!checkedCalls.Add(signature)) return;
        var inner = new Scope(null, given);
        foreach (var name in ReadNames(partial.Statements).Where(n => !given.ContainsKey(n)))
            inner.Set(name, new Shape(null, MaybeNil: true, NotPassed: true));
        Walk(partial.Statements, inner, new Where(partial, where.From ?? where.File.Path));
    }

    /// <summary>The names a template reads (first segments), so a partial's unpassed parameters are known as such.</summary>
    static IEnumerable<string> ReadNames(IEnumerable<Statement> statements)
    {
        var finder = new NameFinder();
        foreach (var statement in statements) finder.Visit(statement);
        return finder.Names;
    }

    sealed class NameFinder : AstVisitor
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);
        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.FirstOrDefault() is IdentifierSegment first) Names.Add(first.Identifier);
            return base.VisitMemberExpression(memberExpression);
        }
    }

    void Condition(Expression expression, Scope scope, Where where)
    {
        if (expression is AndBinaryExpression or OrBinaryExpression && expression is BinaryExpression both)
        {
            Condition(both.Left, scope, where);
            Condition(both.Right, scope, where);
            return;
        }
        var shape = Check(expression, scope, where);
        if (expression is not MemberExpression || shape.Type is null || shape.MaybeNil) return;
        if (shape.Element is not null)
            Report(where, Needle(expression), $"'{Needle(expression)}' is a list, and in Liquid a list is always true, even when empty: test '{Needle(expression)}.size > 0'.");
        else if (shape.Type.IsValueType && shape.Type != typeof(bool))
            Report(where, Needle(expression), $"'{Needle(expression)}' is a number or date, and in Liquid it is always true, even when 0: compare it, e.g. '{Needle(expression)} > 0'.");
    }

    void Print(Shape shape, Expression expression, Where where)
    {
        if (shape.Type is null || expression is FilterExpression) return;
        var needle = Needle(expression);
        if (shape.SafeHtml)
            Report(where, needle, $"'{needle}' is HTML and would show its tags as text: print it with '{{{{ {needle} | raw }}}}'.");
        else if (shape.Element is not null || !(shape.Type.IsPrimitive || shape.Type == typeof(string) || shape.Type.IsEnum || Nullable.GetUnderlyingType(shape.Type) is { IsPrimitive: true }))
            Report(where, needle, $"'{needle}' is a {Describe(shape.Type)}, not text: print one of its fields ({string.Join(", ", TemplateModel.MembersOf(shape.Element ?? shape.Type).Keys.Take(6))}), or a date through long_date.");
    }

    Shape Check(Expression expression, Scope scope, Where where) => expression switch
    {
        LiteralExpression literal => literal.Value switch
        {
            StringValue => Shape.Text,
            NumberValue => Shape.Of(typeof(double)),
            BooleanValue => Shape.Of(typeof(bool)),
            _ => Shape.Unknown,
        },
        MemberExpression member => Member(member, scope, where),
        FilterExpression filter => Filter(filter, scope, where),
        BinaryExpression binary => Binary(binary, scope, where),
        RangeExpression range => Range(range, scope, where),
        _ => Shape.Unknown,
    };

    Shape Binary(BinaryExpression binary, Scope scope, Where where)
    {
        Check(binary.Left, scope, where);
        Check(binary.Right, scope, where);
        return Shape.Of(typeof(bool));
    }

    Shape Range(RangeExpression range, Scope scope, Where where)
    {
        Check(range.From, scope, where);
        Check(range.To, scope, where);
        return Shape.Of(typeof(IEnumerable<int>));
    }

    Shape Member(MemberExpression member, Scope scope, Where where)
    {
        if (member.Segments.FirstOrDefault() is not IdentifierSegment first) return Shape.Unknown;
        if (scope.Find(first.Identifier) is not { } shape)
        {
            Report(where, first.Identifier, $"'{first.Identifier}' is not defined here.{Suggestions.DidYouMean(first.Identifier, scope.Names.Distinct())} {Readable(scope)}");
            return Shape.Unknown;
        }
        var path = first.Identifier;
        foreach (var segment in member.Segments.Skip(1))
        {
            if (shape.NotPassed)
            {
                if (notPassedReported.Add((where, first.Identifier)))
                    Report(where, Needle(member), $"'{first.Identifier}' is not given to this partial by the layout that renders it: pass it, e.g. {{% render '{where.File.Name}', {first.Identifier}: ... %}}.");
                return Shape.Unknown;
            }
            if (shape.Type is null) return Shape.Unknown;
            switch (segment)
            {
                case IdentifierSegment { Identifier: var name }:
                    path += "." + name;
                    shape = Field(shape, name, path, where);
                    break;
                case IndexerSegment indexer:
                    Check(indexer.Expression, scope, where);
                    shape = shape.Element is { } e ? Shape.Of(e) : Shape.Unknown;
                    break;
                default:
                    return Shape.Unknown;
            }
        }
        return shape;
    }

    Shape Field(Shape owner, string name, string path, Where where)
    {
        var type = owner.Type!;
        if (type == typeof(ForLoopShape))
            return ForLoop.TryGetValue(name, out var loopField) ? loopField : Missing(path, name, ForLoop.Keys, "forloop", where);
        if (owner.Element is { } element)
            return name switch
            {
                "size" => Shape.Of(typeof(int)),
                "first" or "last" => new Shape(element, MaybeNil: true),
                _ => Missing(path, name, ["size", "first", "last"], "list", where),
            };
        if (type == typeof(string))
            return name == "size" ? Shape.Of(typeof(int)) : Missing(path, name, ["size"], "text", where);
        var members = TemplateModel.MembersOf(type);
        if (members.TryGetValue(name, out var property))
            return new Shape(TemplateModel.Shown(property.PropertyType), MayBeNil(property),
                TemplateModel.IsSafeHtml(property));
        if (type == typeof(CreditView) && name is "name" or "pseudonym" or "id")
        {
            Report(where, path, $"'{path}': a layout never sees a person's stored {name}, only how they consented to be credited: use '{path[..^name.Length]}credit'.");
            return Shape.Unknown;
        }
        return Missing(path, name, members.Keys, Describe(type), where);
    }

    Shape Missing(string path, string name, IEnumerable<string> known, string what, Where where)
    {
        var list = known.ToList();
        Report(where, path, $"'{path}': a {what} has no field '{name}'.{Suggestions.DidYouMean(name, list)} Its fields: {string.Join(", ", list.Order(StringComparer.Ordinal))}.");
        return Shape.Unknown;
    }

    Shape Filter(FilterExpression filter, Scope scope, Where where)
    {
        var input = Check(filter.Input, scope, where);
        foreach (var argument in filter.Parameters) Check(argument.Expression, scope, where);
        if (filter.Name == "raw")
        {
            if (!input.SafeHtml && input.Type is not null)
                Report(where, "raw", $"'{Needle(filter.Input)} | raw' prints text without escaping, so anything typed into it would run as HTML: only sanitised HTML (a prose field's .html, or 'content') may be printed raw.");
            return Shape.Text;
        }
        if (TemplateFilters.All.FirstOrDefault(f => f.Name == filter.Name) is { } own) return Shape.Of(own.Result);
        if (LiquidFilters.TryGetValue(filter.Name, out var result))
            return result is null ? input with { MaybeNil = filter.Name != "default" && input.MaybeNil, SafeHtml = false } : Shape.Of(result);
        Report(where, filter.Name, $"there is no filter '{filter.Name}'.{Suggestions.DidYouMean(filter.Name, TemplateFilters.All.Select(f => f.Name).Concat(LiquidFilters.Keys).Append("raw"))} docs/theme.md lists the filters.");
        return Shape.Unknown;
    }

    bool MayBeNil(PropertyInfo property)
    {
        if (Nullable.GetUnderlyingType(property.PropertyType) is not null) return true;
        if (property.PropertyType.IsValueType) return false;
        try
        {
            return nullability.Create(property).ReadState != NullabilityState.NotNull;
        }
        catch (InvalidOperationException)
        {
            return true; // nullability metadata trimmed away: assume it may be nil, which only skips the always-true check
        }
    }

    static string Describe(Type type) => TemplateModel.ElementOf(type) is { } element
        ? "list of " + Describe(element) + "s"
        : type.Name.Replace("PageView", " page").Replace("View", "").ToLowerInvariant();

    static string Readable(Scope scope) => $"Names here: {string.Join(", ", scope.Names.Distinct().Order(StringComparer.Ordinal))}.";

    static string Needle(Expression expression) => expression switch
    {
        MemberExpression m => string.Join(".", m.Segments.OfType<IdentifierSegment>().Select(s => s.Identifier)),
        FilterExpression f => Needle(f.Input),
        _ => "",
    };

    /// <summary>Reports at the needle's next occurrence inside a tag of the file (the checker walks in source order).</summary>
    void Report(Where where, string needle, string message)
    {
        var (line, column) = Locate(where, needle);
        if (!reported.Add((where.File.Path, line, column, message))) return;
        var from = where.From is null ? "" : $" (rendered from {where.From})";
        diagnostics.Add(new(Severity.Error, where.File.Path, line, column, message + from, OutsideInput: true));
    }

    (int Line, int Column) Locate(Where where, string needle)
    {
        var file = where.File;
        if (needle.Length == 0) return (1, 1);
        var nth = located[(where, needle)] = located.GetValueOrDefault((where, needle)) + 1;
        var index = -1;
        for (var found = 0; found < nth;)
        {
            var next = file.Text.IndexOf(needle, index + 1, StringComparison.Ordinal);
            if (next < 0) break;
            index = next;
            if (IsWholeWord(file.Text, next, needle.Length) && InsideTag(file.Text, next)) found++;
        }
        if (index < 0) return (1, 1);
        var lineStart = file.Text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        return (file.Text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>Not part of a longer name: "d.title" is not found inside "card.title", but is in "d.title.size".</summary>
    static bool IsWholeWord(string text, int at, int length) =>
        (at == 0 || !(IsNameChar(text[at - 1]) || text[at - 1] == '.')) && (at + length >= text.Length || !IsNameChar(text[at + length]));

    static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

    static bool InsideTag(string text, int at)
    {
        var open = Math.Max(text.LastIndexOf("{{", at, StringComparison.Ordinal), text.LastIndexOf("{%", at, StringComparison.Ordinal));
        var close = Math.Max(text.LastIndexOf("}}", at, StringComparison.Ordinal), text.LastIndexOf("%}", at, StringComparison.Ordinal));
        return open >= 0 && open > close;
    }
}
