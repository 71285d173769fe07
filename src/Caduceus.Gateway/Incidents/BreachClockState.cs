namespace Caduceus.Gateway.Incidents;

/// <summary>Where an incident stands on the breach notification clock (<see cref="BreachClock"/>).</summary>
public enum BreachClockState
{
    /// <summary>Not a possible breach (or a drill): no clock.</summary>
    NotApplicable,

    /// <summary>More than the reminder lead remains.</summary>
    Running,

    /// <summary>The deadline is within the reminder lead.</summary>
    DueSoon,

    /// <summary>The deadline has passed with no notification recorded.</summary>
    Overdue,

    /// <summary>The notification, or the documented decision that none is due, is recorded.</summary>
    Stopped,
}
