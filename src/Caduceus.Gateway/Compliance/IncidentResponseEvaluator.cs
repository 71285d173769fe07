using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Security incident procedures (HIPAA 164.308(a)(6); NIST AI RMF MANAGE 4.3): playbooks in force, incidents tracked
/// to closure, breach notifications on time, and the procedures exercised (a real incident or a drill) in the period.
/// </summary>
internal static class IncidentResponseEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var playbooks = state.Settings.Playbooks;
        var evidence = new ControlEvidence(control)
            .Add("playbooks enabled", playbooks.Count)
            .Add("playbooks with automatic actions", playbooks.Count(p => p.Actions.Count > 0));
        if (state.Incidents.Value is not { } incidents)
        {
            return evidence.Gap($"The incidents cannot be read: {state.Incidents.Problem}.");
        }

        var inPeriod = incidents.Where(i => i.OpenedAt >= state.PeriodStart).ToArray();
        var real = inPeriod.Where(i => !i.Drill).ToArray();
        var overdue = incidents.Count(i => i.NotificationDueAt is { } due && due < state.Now && i.NotifiedAt is null);
        evidence.Add($"incidents opened in the last {ComplianceState.Period.Days} days", real.Length)
            .Add($"incidents closed in the last {ComplianceState.Period.Days} days", incidents.Count(i => !i.Drill && i.ClosedAt >= state.PeriodStart))
            .Add("incidents open now", incidents.Count(i => i.Status != IncidentStatus.Closed && !i.Drill))
            .Add($"drill incidents in the last {ComplianceState.Period.Days} days", inPeriod.Length - real.Length)
            .Add("breach notifications overdue", overdue);
        var drillsRun = state.Drills.Value?.Count(d => d.StartedAt >= state.PeriodStart) ?? 0;
        evidence.Add($"drills declared in the last {ComplianceState.Period.Days} days", state.Drills.Value is null ? state.Drills.Problem! : drillsRun.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var gaps = new List<string>();
        if (playbooks.Count == 0)
        {
            gaps.Add("Every incident playbook is disabled.");
        }

        if (overdue > 0)
        {
            gaps.Add($"{overdue} possible breaches are past their notification deadline with no notification recorded.");
        }

        if (inPeriod.Length == 0 && drillsRun == 0)
        {
            gaps.Add($"No incident or drill in the last {ComplianceState.Period.Days} days shows the procedures were exercised.");
        }

        return evidence.PassUnless(gaps, $"{playbooks.Count} playbooks turn security events into incidents that are tracked to closure; the procedures were exercised in the period and no breach notification is overdue.");
    }
}
