namespace Caduceus.Gateway.ThreatIntel;

/// <summary>
/// Where a TAXII feed stands: the <c>added_after</c> to ask for next (the server's last <c>X-TAXII-Date-Added-Last</c>),
/// the last poll and its error, and how many objects were imported, not understood, broken, or of no use here.
/// </summary>
public sealed record ThreatFeedState
{
    public required string Name { get; init; }

    public string? AddedAfter { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    public string? LastError { get; init; }

    public long Imported { get; init; }

    /// <summary>Indicators whose pattern type or pattern the gateway does not act on (e.g. a CIDR range, a domain).</summary>
    public long Unsupported { get; init; }

    /// <summary>Objects that are not valid STIX indicators (missing or wrongly typed properties, bad patterns or times).</summary>
    public long Malformed { get; init; }

    /// <summary>Objects of other types (identities, relationships), and revoked or expired indicators.</summary>
    public long Ignored { get; init; }
}
