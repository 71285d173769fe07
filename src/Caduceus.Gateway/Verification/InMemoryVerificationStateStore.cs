using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// Verification state in this process only (the default): right for one instance, and lost on restart, which only
/// asks callers to verify again. Bounded, like <see cref="FailedAttempts"/>: expired conversations are dropped when full.
/// </summary>
internal sealed class InMemoryVerificationStateStore(TimeProvider timeProvider) : IVerificationStateStore
{
    private const int MaxConversations = 100_000;

    private readonly ConcurrentDictionary<string, ConversationVerification> _states = new(StringComparer.Ordinal);
    private readonly FailedAttempts _failures = new(timeProvider);

    public byte[] CodeKey { get; } = RandomNumberGenerator.GetBytes(32);

    public ValueTask<ConversationVerification?> GetAsync(string conversationKey, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_states.GetValueOrDefault(conversationKey));

    public ValueTask SetAsync(string conversationKey, ConversationVerification state, CancellationToken cancellationToken)
    {
        if (_states.Count >= MaxConversations)
        {
            var now = timeProvider.GetUtcNow();
            foreach (var (key, existing) in _states)
            {
                if (existing.ExpiresAt <= now)
                {
                    _states.TryRemove(key, out _);
                }
            }
        }

        _states[conversationKey] = state;
        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(string conversationKey, CancellationToken cancellationToken)
    {
        _states.TryRemove(conversationKey, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<DateTimeOffset?> LockedUntilAsync(string failureKey, int maxFailures, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_failures.LockedUntil(failureKey, maxFailures));

    public ValueTask<int> RecordFailureAsync(string failureKey, TimeSpan window, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_failures.Record(failureKey, window));

    public ValueTask ClearFailuresAsync(string failureKey, CancellationToken cancellationToken)
    {
        _failures.Clear(failureKey);
        return ValueTask.CompletedTask;
    }
}
