namespace ImpactSite.Letters;

/// <summary>
/// A letter-like document (the digest, a personal record) as a few kinds of block, written once and then shown as plain
/// text for an e-mail body or as HTML for mail programs, so the two formats always say the same thing.
/// </summary>
public abstract record Block;

/// <summary>Level 1 is the title, 2 a study or part, 3 a group of items within it.</summary>
public sealed record Heading(int Level, string Text) : Block;

/// <summary>A paragraph, with an optional bold label in front ("What we did:").</summary>
public sealed record Para(string Text, string? Label = null) : Block;

/// <summary>One thing in a list (a suggestion, a meeting, a post): its title, a link, and a few lines about it.</summary>
public sealed record Item(string Title, string? Url, IReadOnlyList<Para> Lines) : Block
{
    /// <summary>Dated steps shown as a short numbered list under the lines.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];
}

/// <summary>A whole document: its title (the first heading), the language for HTML, and its blocks in order.</summary>
public sealed record Letter(string Title, string Language, IReadOnlyList<Block> Blocks);
