namespace Caduceus.Gateway.Incidents;

/// <summary>How urgently an incident needs people.</summary>
public enum IncidentSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
