namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Each TAXII feed's position and counters, in the gateway's SQLite database or shared by every instance.</summary>
internal interface IThreatFeedStore
{
    Task<string?> AddedAfterAsync(string feed, CancellationToken cancellationToken);

    /// <summary>Adds one page's counts; moves the position on when the server named one.</summary>
    Task RecordPageAsync(string feed, string? addedAfter, StixObjectCounts counts, DateTimeOffset polledAt, CancellationToken cancellationToken);

    Task RecordErrorAsync(string feed, string error, DateTimeOffset polledAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<ThreatFeedState>> ListAsync(CancellationToken cancellationToken);
}
