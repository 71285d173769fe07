namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Attack indicators: the gateway's own sightings and what TAXII feeds delivered, one row per kind, value and origin.
/// In the gateway's SQLite database, or shared by every instance under <c>State:Store = postgres</c>.
/// </summary>
internal interface IThreatIndicatorStore
{
    /// <summary>First sighting: 50. Each further sighting adds 10, up to 95.</summary>
    Task RecordSightingAsync(ThreatSighting sighting, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an indicator a feed delivered (again); true when it was already in force at <paramref name="now"/>, so
    /// its effect (a block) need not be placed a second time. Of concurrent imports of one indicator, at most one
    /// reports false.
    /// </summary>
    Task<bool> ImportAsync(ThreatIndicatorKind kind, string value, string origin, int confidence, DateTimeOffset validUntil, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The gateway's own sightings last seen at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<ThreatIndicator>> LocalAsync(DateTimeOffset? since, CancellationToken cancellationToken);

    /// <summary>Every indicator, imported ones included, for the admin view.</summary>
    Task<IReadOnlyList<ThreatIndicator>> AllAsync(CancellationToken cancellationToken);

    /// <summary>The payload hashes feeds delivered that are in force at <paramref name="now"/>.</summary>
    Task<IReadOnlySet<string>> ImportedPayloadHashesAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
