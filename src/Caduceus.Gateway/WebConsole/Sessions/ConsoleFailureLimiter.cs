using Caduceus.Gateway.Verification;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>
/// Limits failed sign-ins and step-up codes per account name and per source address (<see cref="ConsoleOptions"/>):
/// once either is used up, every attempt for that name or from that address is refused until the window ends,
/// right password and code or not.
/// </summary>
internal sealed class ConsoleFailureLimiter(TimeProvider timeProvider, IOptions<ConsoleOptions> options)
{
    private readonly FailedAttempts _failures = new(timeProvider);

    /// <summary>How long until attempts for <paramref name="accountName"/> from <paramref name="address"/> may resume; null when not locked.</summary>
    public TimeSpan? LockedFor(string accountName, string? address)
    {
        var limits = options.Value;
        var until = new[]
        {
            _failures.LockedUntil(AccountPartition(accountName), limits.MaxFailuresPerAccount),
            _failures.LockedUntil(AddressPartition(address), limits.MaxFailuresPerAddress),
        }.Max();
        return until is { } end ? end - timeProvider.GetUtcNow() : null;
    }

    public void RecordFailure(string accountName, string? address)
    {
        _failures.Record(AccountPartition(accountName), options.Value.FailureWindow);
        _failures.Record(AddressPartition(address), options.Value.FailureWindow);
    }

    /// <summary>The account's count starts over; the address keeps its count, so one good account cannot wash out guesses at others.</summary>
    public void RecordSuccess(string accountName) => _failures.Clear(AccountPartition(accountName));

    private static string AccountPartition(string accountName) => "account:" + accountName;

    private static string AddressPartition(string? address) => "address:" + (address ?? "unknown");
}
