namespace ImpactSite.Validate;

/// <summary>
/// What to say about a key the content contract does not define. The known keys are passed in, so each kind of file
/// (or item) keeps its own list wherever it is declared. <see cref="Meant"/> is the known key it nearly matches, if any.
/// </summary>
public sealed record UnknownKey(string? Meant, string Message)
{
    public static UnknownKey Check(string typed, IReadOnlyCollection<string> known)
    {
        // Case, spaces and hyphens are the usual slips ("Raised By", "you-said"): compare without them first.
        var normalised = typed.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        var meant = known.FirstOrDefault(k => k == normalised) ?? Suggestions.Closest(typed, known);
        return meant is null
            ? new(null, $"unknown key '{typed}' is ignored: check its spelling against docs/content-guide.md, or remove it.")
            : new(meant, $"unknown key '{typed}': did you mean '{meant}'? As written, its value is not used: correct the key to '{meant}'.");
    }
}
