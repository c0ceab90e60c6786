using System.Text.RegularExpressions;
using ImpactSite.Load;
using ImpactSite.Validate;
using ImpactSite.Content.People;
using YamlDotNet.RepresentationModel;

namespace ImpactSite.Content.People;

/// <summary>Reads people.yml: the register of who may be named, and how.</summary>
public static partial class PeopleReader
{
    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();

    public static Dictionary<string, Person> Read(SourceFile file, DiagnosticBag diagnostics)
    {
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        var root = YamlText.Load(file.Path, file.Text, 0, diagnostics);
        if (root is null) return people;
        if (ListOf(root) is not { } list)
        {
            diagnostics.Error(file.Path, (int)root.Start.Line, (int)root.Start.Column,
                $"people.yml must be a list of people, each starting with '- id: ...' (optionally under one '{PersonKeys.ListKey}:' line, as the browser editor writes it).");
            return people;
        }
        foreach (var item in list.Children)
        {
            var f = YamlFields.FromNode(file.Path, item, 0, diagnostics, "each person");
            if (Read(f) is not { } person) continue;
            if (people.TryGetValue(person.Id, out var first))
                f.Error(f.ValueAt("id"), $"the id '{person.Id}' is used twice (first at line {first.At.Line}): give each person their own id.");
            else people[person.Id] = person;
        }
        return people;
    }

    /// <summary>The list of people: the whole file, or the one 'people:' key the browser editor keeps it under
    /// (Decap CMS can only edit a file whose top level is a mapping).</summary>
    public static YamlSequenceNode? ListOf(YamlNode root) => root switch
    {
        YamlSequenceNode list => list,
        YamlMappingNode { Children.Count: 1 } map when map.Children.TryGetValue(new YamlScalarNode(PersonKeys.ListKey), out var value) => value as YamlSequenceNode,
        _ => null,
    };

    static Person? Read(YamlFields f)
    {
        f.CheckUnknownKeys(ContentKeys.Person);
        var id = f.Text("id", required: true, example: "sam-k");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            f.Error(f.ValueAt("id"), $"'{id}' is not a valid id: use lower-case letters, digits and hyphens, such as 'sam-k'.");
            id = null;
        }
        var credit = f.OneOf("credit", ContentKeys.Credits, required: true);
        var name = f.Text("name");
        var pseudonym = f.Text("pseudonym");
        var role = f.Text("role");
        if (credit == "name" && name is null)
            f.Error(f.KeyAt("credit"), "'credit: name' needs the person's 'name:' (as they want it shown).");
        if (credit == "pseudonym" && pseudonym is null)
            f.Error(f.KeyAt("credit"), "'credit: pseudonym' needs a 'pseudonym:' to show instead of their name.");
        var withdrawn = f.Flag("withdrawn");
        var review = f.Date("consent_review");
        if (id is null || credit is null || (credit == "name" && name is null) || (credit == "pseudonym" && pseudonym is null))
            return null;
        return new Person
        {
            Id = id, At = f.At, Name = name, NameAt = name is null ? null : f.ValueAt("name"), Pseudonym = pseudonym, Role = role, Withdrawn = withdrawn, ConsentReview = review,
            ChosenCredit = credit switch { "name" => CreditKind.Name, "pseudonym" => CreditKind.Pseudonym, _ => CreditKind.Role },
        };
    }
}
