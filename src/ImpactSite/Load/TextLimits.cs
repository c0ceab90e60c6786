namespace ImpactSite.Load;

/// <summary>
/// How big and how deeply nested a content file may be. Markdig's worst cases grow with the square of a line's or a
/// paragraph's length (4,000 unclosed "[a](" on one 16,000-character line took 0.24 s; a 1 MB file of them, 15 s) and
/// with the depth of nested lists; YamlDotNet reads nested YAML by recursion, and a stack overflow ends the process,
/// preview included. These limits keep every file's worst case to a second or two, far above anything a page needs.
/// </summary>
public static class TextLimits
{
    /// <summary>256 KiB: about 40,000 words, a long report. Longer text belongs in several pages, or a PDF under assets/.</summary>
    public const long MaxFileBytes = 256 * 1024;
    /// <summary>About 1,500 words in one paragraph written on one line (as the browser editor saves paragraphs).</summary>
    public const int MaxLineLength = 10_000;
    /// <summary>Quotes and lists inside each other (three or four is already unusual).</summary>
    public const int MaxMarkdownNesting = 32;
    /// <summary>Lists and groups of keys inside each other in YAML (front matter needs two or three).</summary>
    public const int MaxYamlNesting = 64;

    public static string TooLarge(long bytes) =>
        $"this file is {bytes / 1024.0:0} KB; ImpactSite reads text files of up to {MaxFileBytes / 1024} KB (about 40,000 words): split it into several pages, or publish the document as a PDF under assets/ and link to it.";
}
