using System.Collections.Concurrent;
using Caduceus.Events;

namespace Caduceus.Gateway.Events;

/// <summary>The most recent security events, in memory, for live views and tests.</summary>
public sealed class RecentSecurityEvents : ISecurityEventSink
{
    private const int Capacity = 1024;
    private readonly ConcurrentQueue<SecurityEvent> _events = new();

    public void Publish(SecurityEvent securityEvent)
    {
        _events.Enqueue(securityEvent);
        while (_events.Count > Capacity && _events.TryDequeue(out _))
        {
        }
    }

    /// <summary>A snapshot, oldest first.</summary>
    public IReadOnlyList<SecurityEvent> Snapshot() => _events.ToArray();
}
