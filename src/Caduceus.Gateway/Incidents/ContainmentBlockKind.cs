namespace Caduceus.Gateway.Incidents;

/// <summary>What a containment block shuts out.</summary>
public enum ContainmentBlockKind
{
    /// <summary>One caller (an API key id or an OIDC identity): every request it makes is refused.</summary>
    Principal,

    /// <summary>A whole protected application: every caller of it is refused.</summary>
    Application,
}
