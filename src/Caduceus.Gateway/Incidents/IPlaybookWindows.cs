namespace Caduceus.Gateway.Incidents;

/// <summary>
/// The sliding windows in which each playbook counts its matching events per subject: in this process, or in Redis
/// so that events reaching different gateway instances count towards one threshold.
/// </summary>
internal interface IPlaybookWindows
{
    /// <summary>
    /// Counts <paramref name="evidence"/> in the playbook's window for <paramref name="subject"/>; when that reaches the
    /// playbook's threshold, empties the window and returns the events in it (exactly one caller gets them), else null.
    /// </summary>
    Task<IReadOnlyList<IncidentEvent>?> CountAsync(Playbook playbook, string subject, IncidentEvent evidence, CancellationToken cancellationToken);
}
