namespace Caduceus.Gateway.Verification;

/// <summary>
/// Where callers' verification lives: each conversation's state and the failed-attempt windows that lock out a
/// conversation, a client address or a patient. In process by default; shared by every instance under
/// <c>State:Store = postgres</c>, so a caller verified through one instance is verified through all of them.
/// </summary>
/// <exception cref="VerificationStateUnavailableException">Any member, when a shared store cannot be reached.</exception>
internal interface IVerificationStateStore
{
    /// <summary>The key one-time codes are hashed with; every instance sharing the store hashes with the same one.</summary>
    byte[] CodeKey { get; }

    /// <summary>The conversation's stored state, or null; an expired one may still be returned.</summary>
    ValueTask<ConversationVerification?> GetAsync(string conversationKey, CancellationToken cancellationToken);

    ValueTask SetAsync(string conversationKey, ConversationVerification state, CancellationToken cancellationToken);

    ValueTask RemoveAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>When the lock on <paramref name="failureKey"/> ends, or null when it is not locked.</summary>
    ValueTask<DateTimeOffset?> LockedUntilAsync(string failureKey, int maxFailures, CancellationToken cancellationToken);

    /// <summary>Counts one failure in a window that starts at the first; returns the failures in the window so far.</summary>
    ValueTask<int> RecordFailureAsync(string failureKey, TimeSpan window, CancellationToken cancellationToken);

    ValueTask ClearFailuresAsync(string failureKey, CancellationToken cancellationToken);
}
