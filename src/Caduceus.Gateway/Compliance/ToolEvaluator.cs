using Caduceus.Gateway.Incidents;

namespace Caduceus.Gateway.Compliance;

/// <summary>Excessive agency (OWASP LLM06): tool calls are denied unless allow-listed with argument rules, and refusals open incidents.</summary>
internal static class ToolEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var evidence = new ControlEvidence(control).Add("tool calls not listed", "refused (deny by default, not configurable)");
        foreach (var (name, application) in state.Settings.Gateway.Applications.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            evidence.Add($"Applications:{name}:Tools", application.Tools.Count == 0 ? "none allowed" : string.Join(", ", application.Tools.Keys.Order(StringComparer.Ordinal)));
        }

        var playbook = state.Settings.Playbooks.Any(p => p.Name == DefaultPlaybooks.ToolAbuse);
        evidence.Add($"playbook {DefaultPlaybooks.ToolAbuse} enabled", playbook);
        return playbook
            ? evidence.Pass("Only allow-listed tools with a rule for every argument reach the application, and repeated refusals open an incident.")
            : evidence.Gap($"The {DefaultPlaybooks.ToolAbuse} playbook is disabled, so repeated refused tool calls open no incident.");
    }
}
