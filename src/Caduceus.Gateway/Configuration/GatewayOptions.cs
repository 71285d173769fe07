namespace Caduceus.Gateway.Configuration;

/// <summary>
/// Everything the gateway is configured with. Bound from the configuration root, so that
/// <c>appsettings.json</c>, <c>--config FILE</c> and <c>CADUCEUS_</c> environment variables share one shape.
/// </summary>
public sealed class GatewayOptions
{
    /// <summary>The name of the application used by keys that do not name one.</summary>
    public const string DefaultApplicationName = "default";

    /// <summary>Where the gateway keeps its state (SQLite database). Relative paths resolve against the working directory.</summary>
    public string DataDirectory { get; set; } = "caduceus-data";

    /// <summary>Request size limits, enforced before anything is inspected.</summary>
    public RequestLimitsOptions Limits { get; set; } = new();

    /// <summary>Limits on failed key authentications (brute force).</summary>
    public ApiKeyOptions ApiKeys { get; set; } = new();

    /// <summary>JWT bearer clients from an OpenID Connect issuer; off unless <c>Oidc:Issuer</c> is set.</summary>
    public Authentication.OidcOptions Oidc { get; set; } = new();

    /// <summary>HTTPS for the gateway's endpoints and optional mutual TLS for service clients.</summary>
    public Hosting.TlsOptions Tls { get; set; } = new();

    /// <summary>The tamper-evident audit trail's keys and checkpoint cadence.</summary>
    public Audit.AuditOptions Audit { get; set; } = new();

    /// <summary>Incident playbooks and containment settings (also bound on their own, validated at start-up).</summary>
    public Incidents.IncidentOptions Incidents { get; set; } = new();

    /// <summary>The model inventory (which models each application may use) and model file integrity.</summary>
    public Models.ModelInventoryOptions Models { get; set; } = new();

    /// <summary>The AI applications the gateway protects, by name.</summary>
    public Dictionary<string, ApplicationOptions> Applications { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
