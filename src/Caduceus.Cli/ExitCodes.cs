namespace Caduceus.Cli;

/// <summary>Process exit codes shared by all verbs.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran, and what it found is a failure by the caller's own rule (e.g. <c>scan --fail-on</c>).</summary>
    public const int FindingsFailed = 1;

    /// <summary>Bad input or configuration: the command could not do its job. A one-line message says why.</summary>
    public const int InvalidInput = 2;
}
