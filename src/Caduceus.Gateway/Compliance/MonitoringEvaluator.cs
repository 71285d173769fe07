using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Monitoring and response wiring (NIST AI RMF MEASURE 2.4, MANAGE 2.4; SAIF 2, 3): the audit trail and anomaly
/// detection watch production, events reach a SIEM, and anomalies lead to containment.
/// </summary>
internal static class MonitoringEvaluator
{
    public static ControlResult ProductionMonitoring(ControlDefinition control, ComplianceState state)
    {
        var evidence = new ControlEvidence(control).Add("Anomaly:Enabled", state.Settings.Anomaly.Enabled);
        var gaps = new List<string>();
        if (!state.Settings.Anomaly.Enabled)
        {
            gaps.Add("Anomaly detection is off.");
        }

        if (state.Audit.Value is { } trail)
        {
            evidence.Add("audit records", trail.Records).Add("audit chain intact", trail.Intact);
            if (trail.Records == 0 || !trail.Intact)
            {
                gaps.Add("The audit trail is empty or does not verify.");
            }
        }
        else
        {
            gaps.Add($"The audit trail cannot be read: {state.Audit.Problem}.");
        }

        return evidence.PassUnless(gaps, "Every request is recorded in a verifying audit trail and anomaly detection watches each caller's behaviour.");
    }

    public static ControlResult DetectionAndResponse(ControlDefinition control, ComplianceState state)
    {
        var sinks = SiemSinks(state);
        var evidence = new ControlEvidence(control)
            .Add("SIEM sinks configured", sinks.Count == 0 ? "none" : string.Join(", ", sinks))
            .Add("playbooks enabled", state.Settings.Playbooks.Count);
        var gaps = new List<string>();
        if (sinks.Count == 0)
        {
            gaps.Add("No SIEM sink is configured (Siem:Syslog, Splunk, Elastic, AzureMonitor or Otlp), so AI security events stay inside the gateway.");
        }

        if (state.Settings.Playbooks.Count == 0)
        {
            gaps.Add("Every incident playbook is disabled.");
        }

        return evidence.PassUnless(gaps, "AI security events reach the organisation's SIEM and open incidents through playbooks.");
    }

    public static ControlResult AutomatedDefenses(ControlDefinition control, ComplianceState state)
    {
        var playbooks = state.Settings.Playbooks;
        var anomaly = playbooks.FirstOrDefault(p => p.Name == DefaultPlaybooks.Anomaly);
        var evidence = new ControlEvidence(control).Add("Anomaly:Enabled", state.Settings.Anomaly.Enabled)
            .Add("anomaly -> incident", anomaly is null ? "playbook disabled" : "playbook enabled")
            .Add("anomaly -> containment", anomaly is null || anomaly.Actions.Count == 0 ? "none (a person acts)" : string.Join(", ", anomaly.Actions));
        foreach (var playbook in playbooks.Where(p => p.Actions.Count > 0))
        {
            evidence.Add($"playbook {playbook.Name} acts", string.Join(", ", playbook.Actions));
        }

        var gaps = new List<string>();
        if (!playbooks.Any(p => p.Actions.Count > 0))
        {
            gaps.Add("No playbook contains anything on its own.");
        }

        if (!state.Settings.Anomaly.Enabled || anomaly is null)
        {
            gaps.Add("Anomalies do not reach a playbook (anomaly detection or the anomaly playbook is off).");
        }

        return evidence.PassUnless(gaps, "Playbooks contain attacks on their own (e.g. revoking a key after an injection burst) and anomalies open incidents.");
    }

    public static ControlResult Deactivation(ControlDefinition control, ComplianceState state)
    {
        var evidence = new ControlEvidence(control)
            .Add("Models:Enforce", state.Settings.Gateway.Models.Enforce)
            .Add("containment actions available", string.Join(", ", ContainmentActionNames.All));
        return state.Settings.Gateway.Models.Enforce
            ? evidence.Pass("A model is taken out of use by removing its inventory entry (effective within a second), and an application can be disabled by containment.")
            : evidence.Gap("Models:Enforce is off, so removing a model from the inventory does not stop its use.");
    }

    private static List<string> SiemSinks(ComplianceState state)
    {
        var siem = state.Settings.Siem;
        var sinks = new List<string>();
        AddIfSet(sinks, "syslog", siem.Syslog.Host);
        AddIfSet(sinks, "splunk", siem.Splunk.Url);
        AddIfSet(sinks, "elastic", siem.Elastic.Url);
        AddIfSet(sinks, "azure-monitor", siem.AzureMonitor.Endpoint);
        AddIfSet(sinks, "otlp", siem.Otlp.Endpoint);
        return sinks;
    }

    private static void AddIfSet(List<string> sinks, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sinks.Add(name);
        }
    }
}
