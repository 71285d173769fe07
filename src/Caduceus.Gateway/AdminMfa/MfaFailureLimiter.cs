using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Lockout;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// Limits failed second-factor attempts per admin key and per source address (<see cref="AdminMfaOptions"/>): once
/// either has used up its failures, every attempt for that key or from that address is refused until the window
/// ends, correct or not, so guessing a 6-digit code stays hopeless. The counts live in <see cref="IFailureCounterStore"/>
/// (shared by every instance when shared state is configured), under keyed hashes of the key id and address; when a
/// shared store cannot be reached, <see cref="FailureCountersUnavailableException"/> reaches the caller.
/// </summary>
internal sealed class MfaFailureLimiter(IFailureCounterStore counters, FindingValueHasher hasher, TimeProvider timeProvider, IOptions<AdminMfaOptions> options)
{
    /// <summary>When the caller may try again, or null when neither its key nor its address is locked.</summary>
    public async Task<MfaLock?> LockForAsync(AdminCaller caller, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var keyUntil = await counters.LockedUntilAsync(KeyPartition(caller), limits.MaxFailuresPerKey, cancellationToken);
        var addressUntil = await counters.LockedUntilAsync(AddressPartition(caller), limits.MaxFailuresPerAddress, cancellationToken);
        if (keyUntil is null && addressUntil is null)
        {
            return null;
        }

        var now = timeProvider.GetUtcNow();
        return keyUntil >= (addressUntil ?? DateTimeOffset.MinValue)
            ? new MfaLock("key_locked", keyUntil!.Value - now)
            : new MfaLock("address_locked", addressUntil!.Value - now);
    }

    /// <summary>Counts one failure against the key and the address; returns the lock it started, if it started one.</summary>
    public async Task<MfaLock?> RecordFailureAsync(AdminCaller caller, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        await counters.RecordFailureAsync(KeyPartition(caller), limits.FailureWindow, cancellationToken);
        await counters.RecordFailureAsync(AddressPartition(caller), limits.FailureWindow, cancellationToken);
        return await LockForAsync(caller, cancellationToken);
    }

    /// <summary>A proof succeeded: the key's count starts over. The address keeps its count, so one valid key cannot wash out guesses at others.</summary>
    public async Task RecordSuccessAsync(AdminCaller caller, CancellationToken cancellationToken) =>
        await counters.ClearAsync(KeyPartition(caller), cancellationToken);

    private string KeyPartition(AdminCaller caller) => hasher.Hash("admin mfa key\n" + caller.KeyId);

    private string AddressPartition(AdminCaller caller) => hasher.Hash("admin mfa address\n" + (caller.Address ?? "unknown"));
}

/// <summary>Why attempts are refused (<c>key_locked</c>, <c>address_locked</c>) and for how long.</summary>
internal sealed record MfaLock(string Reason, TimeSpan RetryAfter);
