using ImpactSite.Validate;

namespace ImpactSite.Content.People;

public enum CreditKind { Name, Pseudonym, Role }

/// <summary>
/// A contributor from people.yml. Content refers to people by id; only <see cref="Credit"/> is ever published,
/// so a stored name is shown only when the person chose to be credited by name and has not withdrawn.
/// </summary>
public sealed class Person
{
    public required string Id { get; init; }
    public required CreditKind ChosenCredit { get; init; }
    public string? Name { get; init; }
    public string? Pseudonym { get; init; }
    public string? Role { get; init; }
    public bool Withdrawn { get; init; }
    public DateOnly? ConsentReview { get; init; }
    public required SourceLocation At { get; init; }
    /// <summary>Where the stored name is written in people.yml, for the "this name is in your repository" warning.</summary>
    public SourceLocation? NameAt { get; init; }

    /// <summary>Withdrawal of consent overrides the chosen credit everywhere, including old posts.</summary>
    public CreditKind EffectiveCredit => Withdrawn ? CreditKind.Role : ChosenCredit;

    /// <summary>The one string that may be published for this person.</summary>
    public string Credit => EffectiveCredit switch
    {
        CreditKind.Name => WithRole(Name!),
        CreditKind.Pseudonym => WithRole(Pseudonym!),
        _ => WithArticle(Role ?? "contributor"),
    };

    /// <summary>The stored name this build must never publish, or null when the name is public (or not stored).</summary>
    public string? WithheldName => EffectiveCredit == CreditKind.Name ? null : Name;

    string WithRole(string shown) => Role is null ? shown : $"{shown} ({Role})";

    static string WithArticle(string role) =>
        ("aeiouAEIOU".Contains(role[0]) && !role.StartsWith("us", StringComparison.OrdinalIgnoreCase) ? "an " : "a ") + role;
}
