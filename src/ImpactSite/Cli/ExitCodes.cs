namespace ImpactSite.Cli;

/// <summary>Documented in docs/cli.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageOrIo = 2;
}
