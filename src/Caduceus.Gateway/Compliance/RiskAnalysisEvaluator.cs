using Caduceus.Policy;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Risk analysis inputs (HIPAA 164.308(a)(1)(ii)(A)): the AI systems in use, where PHI may flow, and the threats seen.
/// The analysis itself is the organisation's documented assessment, which the gateway holds no record of, so this
/// control is never a pass: it lists the inputs.
/// </summary>
internal static class RiskAnalysisEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var evidence = new ControlEvidence(control);
        var missing = new List<string>();
        if (state.Inventory.Value is { } entries)
        {
            evidence.Add("AI systems in the inventory", entries.Count);
            foreach (var entry in entries)
            {
                evidence.Add($"AI system {entry.Application}/{entry.Model}", $"owner {entry.Owner}; use {entry.IntendedUse}; risk {entry.RiskTier}; last reviewed {entry.LastReviewed:yyyy-MM-dd}");
            }

            foreach (var entry in entries.Where(e => e.PhiAllowed))
            {
                var policy = state.Settings.Gateway.Applications.TryGetValue(entry.Application, out var application) ? application.Policy.Request.Phi : PolicyAction.Redact;
                evidence.Add($"PHI flow {entry.Application} -> {entry.Model}", $"PHI allowed by the inventory; request PHI policy {policy}");
            }

            if (entries.Count == 0)
            {
                missing.Add("the model inventory is empty");
            }
        }
        else
        {
            missing.Add($"the model inventory cannot be read ({state.Inventory.Problem})");
        }

        if (state.Incidents.Value is { } incidents)
        {
            var recent = incidents.Where(i => i.OpenedAt >= state.PeriodStart && !i.Drill).ToArray();
            evidence.Add($"incidents in the last {ComplianceState.Period.Days} days", recent.Length);
            foreach (var kind in recent.GroupBy(i => i.Playbook, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                evidence.Add($"threat seen: {kind.Key}", kind.Count());
            }
        }
        else
        {
            missing.Add($"the incidents cannot be read ({state.Incidents.Problem})");
        }

        return evidence.Gap(missing.Count > 0
            ? $"Risk analysis inputs are incomplete: {string.Join("; ", missing)}. The analysis itself is a documented assessment the gateway holds no record of."
            : "The AI systems, PHI flows and threats seen are listed as inputs; the risk analysis itself is a documented assessment the gateway holds no record of.");
    }
}
