namespace Caduceus.Events;

/// <summary>
/// A fact about security that happened in the gateway. Carries counts and types, never the text or values that
/// caused it, so it can travel to SIEM tools and logs.
/// </summary>
/// <param name="Id">Identifier a client can quote (see <see cref="SecurityEventIds"/>).</param>
/// <param name="Time">When it happened.</param>
/// <param name="Type">One of <see cref="SecurityEventTypes"/>.</param>
/// <param name="Code">Machine-readable reason, e.g. a refusal code.</param>
/// <param name="Application">The protected application, when known.</param>
/// <param name="Principal">The client key id or identity, when known; never a secret.</param>
/// <param name="Route">Request path.</param>
/// <param name="EntityCounts">How many findings of each entity type were involved.</param>
/// <param name="Detectors">The detectors whose findings were involved.</param>
/// <param name="Anomaly">For <see cref="SecurityEventTypes.AnomalyDetected"/>: the metric, its baseline and what was observed.</param>
/// <param name="Source">
/// A keyed hash (HMAC-SHA256, hex) of the network address the request came from, when the event came from a request:
/// enough to group and block a source, never the address itself (an address can identify a patient).
/// </param>
public sealed record SecurityEvent(
    string Id,
    DateTimeOffset Time,
    string Type,
    string? Code,
    string? Application,
    string? Principal,
    string? Route,
    IReadOnlyDictionary<string, int> EntityCounts,
    IReadOnlyList<string> Detectors,
    AnomalyDetail? Anomaly = null,
    string? Source = null);
