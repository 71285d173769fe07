namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>How a sign-in or step-up ended: accepted, or refused with a message for the person and, when locked, how long to wait.</summary>
internal sealed record ConsoleProof(bool Accepted, string? Message, TimeSpan? RetryAfter = null)
{
    public static ConsoleProof Ok { get; } = new(true, null);

    public static ConsoleProof Refused(string message) => new(false, message);

    public static ConsoleProof Locked(TimeSpan retryAfter) => new(
        false,
        $"Too many failed attempts: sign-in is locked for this account or address. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minute(s).",
        retryAfter);
}
