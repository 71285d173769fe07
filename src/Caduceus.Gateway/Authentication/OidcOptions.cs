namespace Caduceus.Gateway.Authentication;

/// <summary>
/// Clients that present a JWT from the organisation's identity provider instead of an API key (<c>Oidc</c> section).
/// Off until <see cref="Issuer"/> is set.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The issuer (<c>iss</c>) tokens must come from; its signing keys are read from its OpenID metadata (JWKS).</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) tokens must be for: this gateway.</summary>
    public string? Audience { get; set; }

    /// <summary>Where the issuer's OpenID configuration is; defaults to <c>{Issuer}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The claim that carries the caller's roles at the identity provider.</summary>
    public string RolesClaim { get; set; } = "roles";

    /// <summary>The claim that names the Caduceus application the caller uses.</summary>
    public string ApplicationClaim { get; set; } = "caduceus_app";

    /// <summary>
    /// The identity provider's role names mapped to Caduceus roles (e.g. <c>"Physician": "clinician"</c>). A role the
    /// map does not name grants nothing; a role already named like a Caduceus role maps to itself.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Clock skew tolerated on <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Issuer);
}
