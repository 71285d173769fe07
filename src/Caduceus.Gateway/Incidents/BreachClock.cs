namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The HIPAA breach notification clock: notice to individuals is due without unreasonable delay and at the latest 60
/// days after discovery (45 CFR 164.404(b)), unless a risk assessment (45 CFR 164.402) shows a low probability of
/// compromise. An incident is discovered when it opens; the clock stops when a person records the notification (or
/// the documented decision that none is due). Drills have no clock.
/// </summary>
public static class BreachClock
{
    /// <summary>The category text that marks an incident as a possible breach.</summary>
    public const string Rule = "164.402";

    public static readonly TimeSpan Deadline = TimeSpan.FromDays(60);

    /// <summary>How long before the deadline a reminder is raised.</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromDays(10);

    public static DateTimeOffset DueAt(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        return incident.OpenedAt + Deadline;
    }

    public static BreachClockState StateOf(Incident incident, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (!incident.IsBreachCandidate)
        {
            return BreachClockState.NotApplicable;
        }

        if (incident.NotifiedAt is not null)
        {
            return BreachClockState.Stopped;
        }

        var due = DueAt(incident);
        return now >= due ? BreachClockState.Overdue : now >= due - ReminderLead ? BreachClockState.DueSoon : BreachClockState.Running;
    }
}
