using System.Globalization;

namespace Caduceus.Gateway.Compliance;

/// <summary>
/// Security testing (NIST AI RMF MEASURE 2.7 and GOVERN 4.3, SAIF 5): red-team drills run in the period with their
/// scores recorded. Declared drills alone show testing happened, not how it went.
/// </summary>
internal static class SecurityTestingEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var evidence = new ControlEvidence(control);
        var declared = state.Drills.Value?.Count(d => d.StartedAt >= state.PeriodStart);
        evidence.Add($"drills declared in the last {ComplianceState.Period.Days} days", declared?.ToString(CultureInfo.InvariantCulture) ?? state.Drills.Problem!);
        if (state.DrillResults.Value is not { } results)
        {
            return evidence.Gap($"Drill results cannot be shown: {state.DrillResults.Problem}.");
        }

        evidence.Add($"scored drill runs in the last {ComplianceState.Period.Days} days", results.Runs)
            .Add("last drill run", results.LastRunAt)
            .Add("last drill: share of attacks stopped", results.LastStoppedShare is { } share ? share.ToString("P0", CultureInfo.InvariantCulture) : "none");
        if (results.Runs == 0)
        {
            return evidence.Gap($"No scored red-team drill ran in the last {ComplianceState.Period.Days} days.");
        }

        return results.LastPassed == false
            ? evidence.Gap($"The last scheduled drill missed its thresholds: {string.Join("; ", results.LastFindings)}.")
            : evidence.Pass($"{results.Runs} scored red-team drills ran in the period; the last stopped {results.LastStoppedShare?.ToString("P0", CultureInfo.InvariantCulture) ?? "an unrecorded share"} of attacks.");
    }
}
