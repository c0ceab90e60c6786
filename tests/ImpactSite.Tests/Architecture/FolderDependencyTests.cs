using System.Text.RegularExpressions;
using ImpactSite.Tests.Support;

namespace ImpactSite.Tests.Architecture;

/// <summary>
/// The folders of src/ImpactSite show the data flow, so they must not depend on each other in a circle: a later step
/// may use an earlier one's types, never the other way round. The graph is read from the source (namespaces used by
/// each file), so a back-reference added anywhere fails here with the files that make it.
/// </summary>
public sealed partial class FolderDependencyTests
{
    static readonly string Source = Path.Combine(Repo.Root, "src", "ImpactSite");

    /// <summary>Folder -> (folder it uses -> a file that uses it).</summary>
    static Dictionary<string, Dictionary<string, string>> Graph()
    {
        var folders = Directory.GetDirectories(Source).Select(Path.GetFileName).Where(f => f is not ("bin" or "obj")).ToHashSet()!;
        var graph = folders.ToDictionary(f => f!, _ => new Dictionary<string, string>());
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file).Replace('\\', '/');
            var folder = relative.Split('/')[0];
            if (!graph.TryGetValue(folder, out var uses)) continue;
            foreach (Match m in Reference().Matches(File.ReadAllText(file)))
                if (m.Groups[1].Value is var used && used != folder && folders.Contains(used)) uses.TryAdd(used, relative);
        }
        return graph;
    }

    [GeneratedRegex(@"\bImpactSite\.(\w+)")]
    private static partial Regex Reference();

    [Fact]
    public void No_folder_depends_on_another_that_depends_back_on_it()
    {
        var graph = Graph();
        Assert.Contains("Render", graph["Build"].Keys); // the graph is really read: the build step uses render
        var cycles = new List<string>();
        foreach (var start in graph.Keys)
        {
            // A path from a folder's dependency back to the folder is a cycle.
            var path = new Stack<string>();
            var seen = new HashSet<string>();
            bool Reaches(string from)
            {
                if (from == start && path.Count > 0) return true;
                if (!seen.Add(from)) return false;
                foreach (var next in graph[from].Keys)
                {
                    path.Push($"{from} -> {next} ({graph[from][next]})");
                    if (Reaches(next)) return true;
                    path.Pop();
                }
                return false;
            }
            if (Reaches(start)) cycles.Add(string.Join("; ", path.Reverse()));
        }
        Assert.True(cycles.Count == 0, "folder cycles:\n" + string.Join("\n", cycles.Distinct()));
    }

    [Fact]
    public void Every_folder_is_described_in_the_architecture_guide()
    {
        var guide = File.ReadAllText(Path.Combine(Repo.Root, "docs", "architecture.md"));
        foreach (var folder in Graph().Keys)
            Assert.Contains($"src/ImpactSite/{folder}", guide);
    }
}
