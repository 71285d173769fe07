namespace Caduceus.Gateway.ThreatIntel;

/// <summary>What became of one object a feed delivered.</summary>
internal enum StixIndicatorOutcome
{
    Imported,

    /// <summary>A valid indicator with a pattern type or pattern the gateway cannot enforce.</summary>
    Unsupported,

    /// <summary>Not a valid STIX indicator.</summary>
    Malformed,

    /// <summary>Another object type, or a revoked or expired indicator.</summary>
    Ignored,
}
