namespace Caduceus.Gateway.Siem.Splunk;

/// <summary>Security events to a Splunk HTTP Event Collector (<c>Siem:Splunk</c>); off until Url is set.</summary>
public sealed class SplunkOptions
{
    /// <summary>The collector's base address, e.g. <c>https://splunk.example.org:8088</c>; events go to <c>/services/collector/event</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The HEC token (sent as <c>Authorization: Splunk TOKEN</c>); set it through <c>CADUCEUS_Siem__Splunk__Token</c>, not a file.</summary>
    public string? Token { get; set; }

    public string SourceType { get; set; } = "caduceus:security";

    public string Source { get; set; } = "caduceus";

    /// <summary>Target index; the token's default index when empty.</summary>
    public string? Index { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);
}
