using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>
/// How a sign-in or step-up ended: accepted, or refused with a message for the person and, when locked, how long to
/// wait; <paramref name="CountersUnavailable"/> when it was refused unchecked because the shared failure counters
/// cannot be reached.
/// </summary>
internal sealed record ConsoleProof(bool Accepted, string? Message, TimeSpan? RetryAfter = null, bool CountersUnavailable = false)
{
    public static ConsoleProof Ok { get; } = new(true, null);

    /// <summary>The refusal's status: 401, 429 when locked, 503 when the failure counters cannot be reached.</summary>
    public int StatusCode =>
        CountersUnavailable ? StatusCodes.Status503ServiceUnavailable
        : RetryAfter is null ? StatusCodes.Status401Unauthorized
        : StatusCodes.Status429TooManyRequests;

    public static ConsoleProof Refused(string message) => new(false, message);

    public static ConsoleProof Locked(TimeSpan retryAfter) => new(
        false,
        $"Too many failed attempts: sign-in is locked for this account or address. Try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes))} minute(s).",
        retryAfter);

    public static ConsoleProof Unavailable() => new(
        false,
        "Sign-in is unavailable: the failure counters that protect accounts from password and code guessing cannot be reached, so nothing was checked. Try again in a few minutes.",
        CountersUnavailable: true);
}
