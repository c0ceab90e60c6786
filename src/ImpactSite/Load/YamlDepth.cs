using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImpactSite.Load;

/// <summary>
/// YamlDotNet builds its document tree by recursion, so YAML nested thousands deep overflows the stack, which ends the
/// process (the preview too): no exception to catch. Its parser is not recursive, so the nesting is measured with it
/// first, but only for text that could be deep at all: most front matter cannot, and is not parsed twice.
/// </summary>
public static class YamlDepth
{
    /// <summary>Where the YAML first goes deeper than the limit, or null.</summary>
    public static Mark? TooDeep(string yaml)
    {
        if (Bound(yaml) <= TextLimits.MaxYamlNesting) return null;
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            if (parser.Current is SequenceStart or MappingStart && ++depth > TextLimits.MaxYamlNesting) return parser.Current.Start;
            if (parser.Current is SequenceEnd or MappingEnd) depth--;
        }
        return null;
    }

    /// <summary>
    /// An upper bound of the nesting: every level opens with a '[' or '{', or sits on a line indented further than its
    /// parent (a list may share its parent key's indentation, hence twice), or is one more "- ", ": " or "? " on a line.
    /// </summary>
    static int Bound(string yaml)
    {
        var (brackets, indent, perLine) = (0, 0, 0);
        foreach (var line in yaml.AsSpan().EnumerateLines())
        {
            var spaces = line.Length - line.TrimStart(' ').Length;
            indent = Math.Max(indent, spaces);
            var markers = 0;
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] is '[' or '{') brackets++;
                else if (line[i] is '-' or ':' or '?' && (i + 1 == line.Length || line[i + 1] == ' ')) markers++;
            }
            perLine = Math.Max(perLine, markers);
        }
        return brackets + 2 * (indent + 1) + perLine;
    }
}
