namespace ImpactSite.BrowserTests.Support;

/// <summary>
/// Finds the Chromium the browser tests drive, and decides what its absence means.
/// <list type="bullet">
/// <item><c>IMPACTSITE_CHROMIUM_PATH</c>: use this executable (and only this one). Pointing it at a file that does not
/// exist simulates a machine without Chromium.</item>
/// <item>Otherwise <c>/usr/bin/chromium</c>, then <c>chromium</c> or <c>chromium-browser</c> on PATH.</item>
/// <item><c>IMPACTSITE_REQUIRE_BROWSER=1</c> (CI sets it): a missing browser fails every browser test instead of
/// skipping it.</item>
/// </list>
/// </summary>
public static class BrowserRequirement
{
    public const string PathVariable = "IMPACTSITE_CHROMIUM_PATH";
    public const string RequireVariable = "IMPACTSITE_REQUIRE_BROWSER";

    public const string SkipMessage =
        "Browser tests need Chromium: install it (apt-get install chromium) or set IMPACTSITE_REQUIRE_BROWSER=1 to make its absence a failure.";

    static readonly Lazy<string?> Found = new(Locate);

    /// <summary>The Chromium executable, or null when there is none.</summary>
    public static string? ChromiumPath => Found.Value;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable)?.Trim() == "1";

    /// <summary>The skip reason for a browser test, or null when it must run (Chromium found, or required).</summary>
    public static string? SkipReason => ChromiumPath is null && !Required ? SkipMessage : null;

    public const string EditorSkipMessage =
        "Editor tests also need Decap CMS and decap-server from npm: run 'npm ci --prefix tests/ImpactSite.BrowserTests/decap' (.ci/run does) or set IMPACTSITE_REQUIRE_BROWSER=1 to make their absence a failure.";

    /// <summary>The skip reason for a test of the browser editor, which also needs the pinned npm packages; null when it
    /// must run.</summary>
    public static string? EditorSkipReason =>
        SkipReason ?? (!File.Exists(EditorSite.DecapFile) && !Required ? EditorSkipMessage : null);

    /// <summary>Where the browser was looked for, for the failure message when it is required but missing.</summary>
    public static string WhereLooked()
    {
        var forced = Environment.GetEnvironmentVariable(PathVariable);
        return string.IsNullOrWhiteSpace(forced)
            ? "/usr/bin/chromium, and chromium or chromium-browser on PATH"
            : $"{forced} (from {PathVariable})";
    }

    static string? Locate()
    {
        var forced = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(forced)) return IsExecutable(forced) ? Path.GetFullPath(forced) : null;

        if (IsExecutable("/usr/bin/chromium")) return "/usr/bin/chromium";
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var name in new[] { "chromium", "chromium-browser" })
        {
            foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, name);
                if (IsExecutable(candidate)) return candidate;
            }
        }
        return null;
    }

    static bool IsExecutable(string file)
    {
        if (!File.Exists(file)) return false;
        if (OperatingSystem.IsWindows()) return true;
        var mode = File.GetUnixFileMode(file);
        return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}

/// <summary>A test that drives Chromium: skipped with <see cref="BrowserRequirement.SkipMessage"/> when there is none,
/// unless IMPACTSITE_REQUIRE_BROWSER=1, in which case it runs and fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserRequirement.SkipReason is { } reason) Skip = reason;
    }
}

/// <inheritdoc cref="BrowserFactAttribute"/>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserRequirement.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A test of the browser editor (Decap CMS in Chromium): skipped with a message when Chromium or the pinned npm
/// packages are missing, unless IMPACTSITE_REQUIRE_BROWSER=1, in which case it runs and fails.</summary>
public sealed class EditorFactAttribute : FactAttribute
{
    public EditorFactAttribute()
    {
        if (BrowserRequirement.EditorSkipReason is { } reason) Skip = reason;
    }
}
