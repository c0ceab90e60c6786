namespace ImpactSite.Cli;

/// <summary>Documented in docs/cli.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageOrIo = 2;

    /// <summary>Reports a wrong command line (or a folder that cannot be used) and returns its exit code.</summary>
    public static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        return UsageOrIo;
    }
}
