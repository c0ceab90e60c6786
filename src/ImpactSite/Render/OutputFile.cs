namespace ImpactSite.Render;

/// <summary>One file of the built site. Path is output-relative with '/'; Source is the input file that put it there.</summary>
public sealed record OutputFile(string Path, byte[] Content, string? Source)
{
    /// <summary>The content as text when the renderer made it as text (pages), so the checks need not decode it again.</summary>
    public string? Text { get; init; }

    public static OutputFile FromText(string path, string text, string? source) =>
        new(path, System.Text.Encoding.UTF8.GetBytes(text), source) { Text = text };
}
