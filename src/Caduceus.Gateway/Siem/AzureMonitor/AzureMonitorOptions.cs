namespace Caduceus.Gateway.Siem.AzureMonitor;

/// <summary>
/// Security events to Microsoft Sentinel through the Azure Monitor Logs Ingestion API (<c>Siem:AzureMonitor</c>);
/// off until Endpoint is set. The gateway signs in as an Entra ID application (client credentials).
/// </summary>
public sealed class AzureMonitorOptions
{
    /// <summary>The data collection endpoint (or the rule's logs ingestion endpoint), e.g. <c>https://NAME.eastus-1.ingest.monitor.azure.com</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The data collection rule's immutable id (<c>dcr-...</c>).</summary>
    public string? DcrImmutableId { get; set; }

    /// <summary>The rule's input stream, e.g. <c>Custom-CaduceusSecurity_CL</c>.</summary>
    public string? StreamName { get; set; }

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Set it through <c>CADUCEUS_Siem__AzureMonitor__ClientSecret</c>, not a file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>OAuth2 token endpoint; defaults to Entra ID's for <see cref="TenantId"/>.</summary>
    public string? TokenEndpoint { get; set; }

    public string Scope { get; set; } = "https://monitor.azure.com//.default";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Endpoint);

    public string EffectiveTokenEndpoint => TokenEndpoint is { Length: > 0 } endpoint
        ? endpoint
        : $"https://login.microsoftonline.com/{Uri.EscapeDataString(TenantId ?? string.Empty)}/oauth2/v2.0/token";
}
