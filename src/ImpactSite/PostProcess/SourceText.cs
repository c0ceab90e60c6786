namespace ImpactSite.PostProcess;

/// <summary>Finds where a piece of text stands in a source file, so a problem found in the output points back to its line.</summary>
public static class SourceText
{
    public static (int Line, int Column)? Locate(string path, string text)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].IndexOf(text, StringComparison.OrdinalIgnoreCase) is var column and >= 0) return (i + 1, column + 1);
        return null;
    }
}
