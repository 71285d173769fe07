namespace Caduceus.Events;

/// <summary>Makes event identifiers: time-ordered, unguessable enough to quote, free of content.</summary>
public static class SecurityEventIds
{
    public static string New() => "evt_" + Guid.CreateVersion7().ToString("N");
}
