namespace Caduceus.Gateway.ThreatIntel;

/// <summary>What one pull of a feed did: pages read, objects by outcome, and the error that ended it early, if any.</summary>
internal sealed record TaxiiPullResult(int Pages, StixObjectCounts Counts, string? Error);
