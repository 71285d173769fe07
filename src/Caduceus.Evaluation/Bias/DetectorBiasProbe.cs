using Caduceus.Detection;
using Caduceus.Policy;

namespace Caduceus.Evaluation.Bias;

/// <summary>
/// Runs the detectors over a variant, as the gateway inspects a user message, and applies the application's request
/// policy: a finding the policy blocks is a refusal.
/// </summary>
public sealed class DetectorBiasProbe(ITextAnalyzer analyzer, DirectionPolicy policy) : IBiasProbe
{
    public string Mode => "detectors";

    public Task<BiasObservation> ObserveAsync(BiasVariant variant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var findings = analyzer.Analyze(new DetectionInput(variant.Text, TextSource.User));
        var blocking = findings.FirstOrDefault(f => policy.ActionFor(f) == PolicyAction.Block);
        var phi = findings.Where(f => f.Category == FindingCategory.Phi && policy.ActionFor(f) != PolicyAction.Allow).ToList();
        var covered = Covered(variant.Text.Length, phi);
        var flagged = variant.Values
            .Where(v => phi.Any(f => f.Start < v.Start + v.Length && v.Start < f.End))
            .Select(v => v.Dimension)
            .ToHashSet(StringComparer.Ordinal);
        var wholly = variant.Values
            .GroupBy(v => v.Dimension)
            .Where(d => d.All(v => Enumerable.Range(v.Start, v.Length).All(i => covered[i] || char.IsWhiteSpace(variant.Text[i]))))
            .Select(d => d.Key)
            .ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(new BiasObservation(variant)
        {
            Refused = blocking is not null,
            RefusalReason = blocking?.EntityType,
            InjectionScore = MaxScore(findings, FindingCategory.Injection),
            PhiScore = MaxScore(findings, FindingCategory.Phi),
            DimensionsFlaggedAsPhi = flagged,
            DimensionsWhollyCoveredAsPhi = wholly,
            PhiShareOfText = variant.Text.Length == 0 ? 0 : covered.Count(c => c) / (double)variant.Text.Length,
        });
    }

    private static bool[] Covered(int length, List<Finding> findings)
    {
        var covered = new bool[length];
        foreach (var finding in findings)
        {
            Array.Fill(covered, true, finding.Start, Math.Min(finding.End, length) - finding.Start);
        }

        return covered;
    }

    private static double MaxScore(IReadOnlyList<Finding> findings, FindingCategory category) =>
        findings.Where(f => f.Category == category).Select(f => f.Score).DefaultIfEmpty(0).Max();
}
