namespace Caduceus.Gateway.Incidents;

/// <summary>What events must share for a playbook to count them towards one incident.</summary>
public enum IncidentGrouping
{
    /// <summary>The same caller (API key id or OIDC identity).</summary>
    Principal,

    /// <summary>The same protected application, whoever the callers are (e.g. a storm of failed verifications).</summary>
    Application,

    /// <summary>The same source address (its keyed hash), whoever the callers are (e.g. credential stuffing from one host).</summary>
    Source,
}
