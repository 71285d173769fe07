namespace Caduceus.Gateway.ThreatIntel;

/// <summary>Threat intelligence (section <c>ThreatIntel</c>): the TAXII 2.1 feeds to pull and how long their indicators count.</summary>
public sealed class ThreatIntelOptions
{
    public const string SectionName = "ThreatIntel";

    public List<TaxiiFeedOptions> Feeds { get; set; } = [];

    /// <summary>How long an imported indicator (an address block, a payload hash) counts when the feed gives no <c>valid_until</c>, and at most.</summary>
    public TimeSpan ImportedLifetime { get; set; } = TimeSpan.FromDays(7);
}
