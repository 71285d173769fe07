using System.Collections.Concurrent;
using Caduceus.Gateway.Limits;

namespace Caduceus.Gateway.Drills;

/// <summary>
/// The keys of the scheduled drills running in this gateway, which are held to <c>Drills:Limits</c> instead of their
/// application's rate and token limits. A drill's requests go to this gateway's own address, so this instance is the
/// one that admits them.
/// </summary>
internal sealed class ScheduledDrillKeys(DrillSchedulingOptions options)
{
    private readonly ConcurrentDictionary<string, byte> _active = new(StringComparer.Ordinal);

    public void Add(string keyId) => _active[keyId] = 0;

    public void Remove(string keyId) => _active.TryRemove(keyId, out _);

    /// <summary>The limits of <paramref name="keyId"/> when it is a running drill's key: the drill's rate and budgets, the application's ceiling per request.</summary>
    public UsageLimits? LimitsFor(string keyId, UsageLimits applicationLimits) => _active.ContainsKey(keyId)
        ? applicationLimits with
        {
            RequestsPerMinute = options.Limits.RequestsPerMinute,
            TokensPerHour = options.Limits.TokensPerHour,
            TokensPerDay = options.Limits.TokensPerDay,
        }
        : null;
}
