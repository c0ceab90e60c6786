namespace ImpactSite.Tests.Support;

/// <summary>Paths in this repository, found from the test binary's folder.</summary>
public static class Repo
{
    public static string Root { get; } = Find();
    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ImpactSite.sln"))) return dir.FullName;
        throw new InvalidOperationException("ImpactSite.sln not found above " + AppContext.BaseDirectory);
    }
}
