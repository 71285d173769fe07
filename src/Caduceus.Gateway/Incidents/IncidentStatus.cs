namespace Caduceus.Gateway.Incidents;

/// <summary>Where an incident stands in its life.</summary>
public enum IncidentStatus
{
    /// <summary>Opened; nothing has contained it yet.</summary>
    Open,

    /// <summary>A containment action took effect.</summary>
    Contained,

    /// <summary>A person closed it; further events open a new incident.</summary>
    Closed,
}
