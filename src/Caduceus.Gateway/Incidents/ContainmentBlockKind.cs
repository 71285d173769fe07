namespace Caduceus.Gateway.Incidents;

/// <summary>What a containment block shuts out or tightens.</summary>
public enum ContainmentBlockKind
{
    /// <summary>One caller (an API key id or an OIDC identity): every request it makes is refused.</summary>
    Principal,

    /// <summary>A whole protected application: every caller of it is refused.</summary>
    Application,

    /// <summary>A source address (its keyed hash, see <see cref="Caduceus.Events.SecurityEvent.Source"/>): every request from it is refused.</summary>
    Address,

    /// <summary>An application runs under the strict policy (<see cref="StrictPolicy"/>).</summary>
    StrictPolicy,

    /// <summary>An application's tools: all of them, or the one named in <see cref="ContainmentBlock.Detail"/>, may not be called.</summary>
    Tools,

    /// <summary>
    /// An application's callers must verify again: a caller verified before the block was placed counts as unverified.
    /// </summary>
    Reverification,
}
