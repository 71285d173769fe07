using Caduceus.Events;

namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>Events read from a spill file, and the offset to acknowledge once a receiver has them.</summary>
internal sealed record SpillBatch(IReadOnlyList<SecurityEvent> Events, long EndOffset, int Unreadable);
