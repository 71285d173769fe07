using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Lockout;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.WebConsole.Sessions;

/// <summary>
/// Limits failed sign-ins and step-up codes per account name and per source address (<see cref="ConsoleOptions"/>):
/// once either is used up, every attempt for that name or from that address is refused until the window ends,
/// right password and code or not. The counts live in <see cref="IFailureCounterStore"/> (shared by every instance
/// when shared state is configured), under keyed hashes of the name and address; when a shared store cannot be
/// reached, <see cref="FailureCountersUnavailableException"/> reaches the caller.
/// </summary>
internal sealed class ConsoleFailureLimiter(IFailureCounterStore counters, FindingValueHasher hasher, TimeProvider timeProvider, IOptions<ConsoleOptions> options)
{
    /// <summary>How long until attempts for <paramref name="accountName"/> from <paramref name="address"/> may resume; null when not locked.</summary>
    public async Task<TimeSpan?> LockedForAsync(string accountName, string? address, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var accountUntil = await counters.LockedUntilAsync(AccountPartition(accountName), limits.MaxFailuresPerAccount, cancellationToken);
        var addressUntil = await counters.LockedUntilAsync(AddressPartition(address), limits.MaxFailuresPerAddress, cancellationToken);
        var until = new[] { accountUntil, addressUntil }.Max();
        return until is { } end ? end - timeProvider.GetUtcNow() : null;
    }

    public async Task RecordFailureAsync(string accountName, string? address, CancellationToken cancellationToken)
    {
        await counters.RecordFailureAsync(AccountPartition(accountName), options.Value.FailureWindow, cancellationToken);
        await counters.RecordFailureAsync(AddressPartition(address), options.Value.FailureWindow, cancellationToken);
    }

    /// <summary>The account's count starts over; the address keeps its count, so one good account cannot wash out guesses at others.</summary>
    public async Task RecordSuccessAsync(string accountName, CancellationToken cancellationToken) =>
        await counters.ClearAsync(AccountPartition(accountName), cancellationToken);

    private string AccountPartition(string accountName) => hasher.Hash("console account\n" + accountName);

    private string AddressPartition(string? address) => hasher.Hash("console address\n" + (address ?? "unknown"));
}
