using System.Collections.Concurrent;

namespace Caduceus.Gateway.Verification;

/// <summary>
/// Counts failed verification attempts per key (a conversation, a client address) in a window that starts at the
/// first failure; a key with too many failures is locked until the window ends. Bounded: when full, every new key is
/// treated as locked, so a flood of made-up conversations cannot exhaust memory or bypass the limit.
/// </summary>
internal sealed class FailedAttempts(TimeProvider timeProvider)
{
    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>When the lock on <paramref name="key"/> ends, or null when it is not locked.</summary>
    public DateTimeOffset? LockedUntil(string key, int maxFailures)
    {
        var now = timeProvider.GetUtcNow();
        if (!_windows.TryGetValue(key, out var window))
        {
            return _windows.Count >= MaxKeys && !Prune(now) ? now.AddMinutes(1) : null;
        }

        return window.Ends > now && window.Failures >= maxFailures ? window.Ends : null;
    }

    /// <summary>Counts one failure for <paramref name="key"/>; returns the failures in its window so far.</summary>
    public int Record(string key, TimeSpan windowLength)
    {
        var now = timeProvider.GetUtcNow();
        var window = _windows.AddOrUpdate(
            key,
            _ => new Window(1, now + windowLength),
            (_, existing) => existing.Ends > now ? existing with { Failures = existing.Failures + 1 } : new Window(1, now + windowLength));
        return window.Failures;
    }

    public void Clear(string key) => _windows.TryRemove(key, out _);

    // Drops ended windows; true when that made room.
    private bool Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.Ends <= now)
            {
                _windows.TryRemove(key, out _);
            }
        }

        return _windows.Count < MaxKeys;
    }

    private sealed record Window(int Failures, DateTimeOffset Ends);
}
