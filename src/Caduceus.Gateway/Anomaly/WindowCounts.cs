namespace Caduceus.Gateway.Anomaly;

/// <summary>What one subject did in one window: requests, refusals, off-hours requests, tokens, distinct patient values.</summary>
internal sealed record WindowCounts(long Requests, long Refused, long OffHours, long Tokens, long DistinctPatients)
{
    public static readonly WindowCounts Empty = new(0, 0, 0, 0, 0);
}
