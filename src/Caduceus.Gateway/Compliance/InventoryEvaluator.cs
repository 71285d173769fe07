using Caduceus.Gateway.Models;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// The model inventory as governance evidence (NIST AI RMF GOVERN 1.6, MAP 1.1, MAP 5.1; OWASP LLM03; SAIF 6): which
/// AI systems exist, who owns them, what they are for, their risk tier, and whether their reviews are current.
/// </summary>
internal static class InventoryEvaluator
{
    public static ControlResult Inventory(ControlDefinition control, ComplianceState state) =>
        Evaluate(control, state, static (_, _) => { }, "Every model an application may use is in the enforced inventory, with an owner and a current review.");

    public static ControlResult IntendedPurpose(ControlDefinition control, ComplianceState state) =>
        Evaluate(
            control,
            state,
            (entries, gaps) =>
            {
                var undocumented = entries.Count(e => string.IsNullOrWhiteSpace(e.IntendedUse) || string.IsNullOrWhiteSpace(e.Owner));
                if (undocumented > 0)
                {
                    gaps.Add($"{undocumented} inventory entries lack an owner or an intended use.");
                }
            },
            "Each AI system's intended use, owner and whether PHI may reach it are recorded and reviewed.");

    public static ControlResult RiskTiers(ControlDefinition control, ComplianceState state) =>
        Evaluate(
            control,
            state,
            (entries, gaps) =>
            {
                if (state.Incidents.Value is null)
                {
                    gaps.Add($"The incidents (threats seen) cannot be read: {state.Incidents.Problem}.");
                }
            },
            "Each AI system carries a reviewed risk tier, and the incidents seen are counted by kind as likelihood evidence.");

    public static ControlResult SupplyChain(ControlDefinition control, ComplianceState state) =>
        Evaluate(
            control,
            state,
            (entries, gaps) =>
            {
                var integrity = state.Settings.Gateway.Models.Integrity;
                if (string.IsNullOrEmpty(integrity.ManifestFile) || string.IsNullOrEmpty(integrity.PublicKeyFile))
                {
                    gaps.Add("No signed model manifest is configured (Models:Integrity:ManifestFile and PublicKeyFile), so only the built-in detector models are checked.");
                }
            },
            "Only inventoried, reviewed models are reachable, and model files are checked against a signed manifest at start-up.");

    private static ControlResult Evaluate(ControlDefinition control, ComplianceState state, Action<IReadOnlyList<ModelEntry>, List<string>> check, string passReason)
    {
        var options = state.Settings.Gateway.Models;
        var evidence = new ControlEvidence(control)
            .Add("Models:Enforce", options.Enforce)
            .Add("Models:ReviewPeriod", options.ReviewPeriod)
            .Add("Models:Integrity:ManifestFile", options.Integrity.ManifestFile is { Length: > 0 } manifest ? manifest : "not set");
        if (state.Inventory.Value is not { } entries)
        {
            return evidence.Gap($"The model inventory cannot be read: {state.Inventory.Problem}.");
        }

        var overdue = entries.Count(e => e.IsReviewOverdue(state.Today, options.ReviewPeriod));
        evidence.Add("inventory entries", entries.Count)
            .Add("entries PHI may reach", entries.Count(e => e.PhiAllowed))
            .Add("entries with review overdue", overdue);
        foreach (var tier in ModelRiskTiers.All)
        {
            evidence.Add($"entries with risk tier {tier}", entries.Count(e => e.RiskTier == tier));
        }

        var gaps = new List<string>();
        if (entries.Count == 0)
        {
            gaps.Add("The model inventory is empty.");
        }

        if (!options.Enforce)
        {
            gaps.Add("Models:Enforce is off, so models outside the inventory are reachable.");
        }

        if (overdue > 0)
        {
            gaps.Add($"{overdue} inventory entries are overdue for review.");
        }

        check(entries, gaps);
        return evidence.PassUnless(gaps, passReason);
    }
}
