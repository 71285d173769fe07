using Caduceus.Gateway.Verification;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>
/// Limits failed second-factor attempts per admin key and per source address (<see cref="AdminMfaOptions"/>): once
/// either has used up its failures, every attempt for that key or from that address is refused until the window
/// ends, correct or not, so guessing a 6-digit code stays hopeless.
/// </summary>
internal sealed class MfaFailureLimiter(TimeProvider timeProvider, IOptions<AdminMfaOptions> options)
{
    private readonly FailedAttempts _failures = new(timeProvider);

    /// <summary>When the caller may try again, or null when neither its key nor its address is locked.</summary>
    public MfaLock? LockFor(AdminCaller caller)
    {
        var limits = options.Value;
        var keyUntil = _failures.LockedUntil(KeyPartition(caller), limits.MaxFailuresPerKey);
        var addressUntil = _failures.LockedUntil(AddressPartition(caller), limits.MaxFailuresPerAddress);
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
    public MfaLock? RecordFailure(AdminCaller caller)
    {
        var limits = options.Value;
        _failures.Record(KeyPartition(caller), limits.FailureWindow);
        _failures.Record(AddressPartition(caller), limits.FailureWindow);
        return LockFor(caller);
    }

    /// <summary>A proof succeeded: the key's count starts over. The address keeps its count, so one valid key cannot wash out guesses at others.</summary>
    public void RecordSuccess(AdminCaller caller) => _failures.Clear(KeyPartition(caller));

    private static string KeyPartition(AdminCaller caller) => "key:" + caller.KeyId;

    private static string AddressPartition(AdminCaller caller) => "address:" + (caller.Address ?? "unknown");
}

/// <summary>Why attempts are refused (<c>key_locked</c>, <c>address_locked</c>) and for how long.</summary>
internal sealed record MfaLock(string Reason, TimeSpan RetryAfter);
