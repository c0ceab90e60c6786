using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static ImpactSite.Tests.Privacy.Disguises;
using ImpactSite.PostProcess;
using ImpactSite.Render;
using ImpactSite.Validate;
using ImpactSite.Content.People;

namespace ImpactSite.Tests.Privacy;

/// <summary>
/// Random invented names, each in a random form a reader knows it by, disguised as pasted text can be and packaged as
/// each kind of output file encodes text: every one is refused, and the same file with the public credit passes.
/// </summary>
public sealed class DisguiseTests
{
    static IReadOnlyList<Diagnostic> Scan(IEnumerable<Person> people, string path, byte[] content)
    {
        var diagnostics = new DiagnosticBag();
        var file = path.EndsWith(".html", StringComparison.Ordinal)
            ? OutputFile.FromText(path, Encoding.UTF8.GetString(content), null)
            : new OutputFile(path, content, null);
        LeakGuard.For(people, "/nonexistent", diagnostics).Run([file]);
        return diagnostics.Sorted();
    }

    public sealed record Case(Name Name, string Text, Packaging Packaging, int Seed);

    static Arbitrary<Case> Cases =>
        Arb.From(from name in Names
                 from form in Forms(name)
                 from text in Disguised(form)
                 from packaging in Packagings
                 from seed in Gen.Choose(0, 100_000)
                 select new Case(name, text, packaging, seed));

    [Property(MaxTest = 400)]
    public Property Every_disguise_of_a_withheld_name_in_every_kind_of_output_is_refused_and_the_credit_passes() =>
        Prop.ForAll(Cases, c =>
        {
            var person = Withheld(c.Name);
            var (path, content) = c.Packaging.Pack(c.Text, new Random(c.Seed));
            var refused = Scan([person], path, content);
            var (safePath, safeContent) = c.Packaging.Pack("Kite (Service user researcher)", null);
            var safe = Scan([person], safePath, safeContent);
            return (refused.Any(e => e.Severity == Severity.Error && e.Message.Contains("'kite'"))
                    && refused.All(e => !e.Message.Contains(c.Name.Family, StringComparison.OrdinalIgnoreCase))
                    && safe.Count == 0)
                .Label($"{c.Packaging}: {Escape(c.Text)} -> {string.Join(" | ", refused.Select(e => e.Message))}; safe: {string.Join(" | ", safe.Select(e => e.Message))}");
        });

    [Property(MaxTest = 200)]
    public Property People_credited_by_name_who_share_a_family_name_are_not_false_alarms() =>
        Prop.ForAll(Arb.From(from name in Names from packaging in Packagings from seed in Gen.Choose(0, 100_000) select (name, packaging, seed)), t =>
        {
            var (name, packaging, seed) = t;
            var sibling = new Person { Id = "sib", ChosenCredit = CreditKind.Name, Name = $"Orlagh {name.Family}", At = new("people.yml", 9, 3) };
            var people = new[] { Withheld(name), sibling };
            var (path, content) = packaging.Pack($"Orlagh {name.Family} thanked Kite", null);
            var (leakPath, leakContent) = packaging.Pack($"Orlagh and {name.Given} {name.Family}", new Random(seed));
            var passes = Scan(people, path, content);
            var refused = Scan(people, leakPath, leakContent);
            return (passes.Count == 0 && refused.Any(e => e.Message.Contains("'kite'")))
                .Label($"{packaging}: {string.Join(" | ", passes.Select(e => e.Message))} / refused: {refused.Count}");
        });

    [Property(MaxTest = 200)]
    public Property Text_without_the_name_is_never_refused() =>
        Prop.ForAll(Arb.From(from name in Names from other in Names from packaging in Packagings from seed in Gen.Choose(0, 100_000)
                             // Folded, as the guard compares: "Pellé" and "Pelle" are one name to a reader.
                             let family = ImpactSite.Privacy.TextFold.Fold(name.Family)
                             let others = ImpactSite.Privacy.TextFold.Fold(other.Full)
                             where !others.Contains(family) && !family.Contains(ImpactSite.Privacy.TextFold.Fold(other.Family))
                             select (name, other, packaging, seed)), t =>
        {
            var (name, other, packaging, seed) = t;
            // The given name alone, and someone else's name, are not the withheld name.
            var (path, content) = packaging.Pack($"{name.Given} met Dr {other.Full}", new Random(seed));
            var found = Scan([Withheld(name)], path, content);
            return (found.Count == 0).Label($"{packaging}: {string.Join(" | ", found.Select(e => e.Message))}");
        });

    static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and < '\u007f' ? c.ToString() : $"\\u{(int)c:x4}"));
}
