namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Where an indicator came from: the gateway's own sightings, or a TAXII feed by name.</summary>
internal static class ThreatIndicatorOrigins
{
    public const string Local = "local";

    /// <summary>The block action and origin prefix of everything a feed imported (<c>taxii:NAME</c>).</summary>
    public const string Taxii = "taxii";

    public static string OfFeed(string feedName) => Taxii + ":" + feedName;
}
