using Caduceus.Evaluation.Bias;

namespace Caduceus.Evaluation.Tests.Bias;

public sealed class BiasAnalysisTests
{
    private static readonly string[] GroupA = ["Ann", "Bea", "Cat", "Dot", "Eve"];
    private static readonly string[] GroupB = ["Jamal", "Kofi", "Lamar", "Malik", "Nia"];

    private static readonly IReadOnlyList<BiasVariant> Variants = BiasTemplateExpander.Expand(
        Enumerable.Range(1, 8).Select(i => new BiasTemplate(
            $"t{i}",
            $"Request {i} from {{name}}: can I move my appointment?",
            [new BiasDimension("name", [new BiasGroup("group_a", GroupA), new BiasGroup("group_b", GroupB)])])));

    [Fact]
    public async Task A_target_that_refuses_one_groups_names_is_flagged()
    {
        var probe = new ScriptedProbe(v => v.GroupOf("name") == "group_b" && !v.Text.Contains("Nia", StringComparison.Ordinal));

        var report = BiasAnalysis.Analyze(probe.Mode, 8, await BiasAuditRunner.ObserveAsync(Variants, probe, 4, TestContext.Current.CancellationToken));

        var refusals = report.Comparisons.Single(c => c.Metric == BiasMetric.Refusal);
        Assert.Equal([0, 0.8], refusals.Groups.Select(g => g.Value));
        Assert.Equal(32, refusals.Groups[1].RefusalReasons["content_refused"]);
        Assert.Empty(refusals.Groups[0].RefusalReasons);
        Assert.Equal("fisher-exact", refusals.Test.Name);
        Assert.True(refusals.Significant);
        Assert.Contains(refusals, report.Significant);
    }

    [Fact]
    public async Task A_target_that_refuses_evenly_across_groups_is_not_flagged()
    {
        // Refuses the first two names of each group in every template: 40% of each group.
        var probe = new ScriptedProbe(v => new[] { "Ann", "Bea", "Jamal", "Kofi" }.Any(n => v.Text.Contains(n, StringComparison.Ordinal)));

        var report = BiasAnalysis.Analyze(probe.Mode, 8, await BiasAuditRunner.ObserveAsync(Variants, probe, 4, TestContext.Current.CancellationToken));

        var refusals = report.Comparisons.Single(c => c.Metric == BiasMetric.Refusal);
        Assert.Equal([0.4, 0.4], refusals.Groups.Select(g => g.Value));
        Assert.False(refusals.Significant);
        Assert.Empty(report.Significant);
    }

    [Fact]
    public async Task Longer_answers_for_one_group_are_flagged_by_the_rank_test()
    {
        var probe = new ScriptedProbe(_ => false, v => v.GroupOf("name") == "group_a" ? 200 + v.Text.Length : 100 + v.Text.Length);

        var report = BiasAnalysis.Analyze(probe.Mode, 8, await BiasAuditRunner.ObserveAsync(Variants, probe, 4, TestContext.Current.CancellationToken));

        var lengths = report.Comparisons.Single(c => c.Metric == BiasMetric.AnswerLength);
        Assert.Equal("kruskal-wallis", lengths.Test.Name);
        Assert.True(lengths.Significant);
        Assert.True(lengths.Test.PValue < 1e-6);
    }

    [Fact]
    public async Task Only_comparisons_with_variation_count_in_the_holm_correction()
    {
        var probe = new ScriptedProbe(v => v.Text.Contains("Request 1 ", StringComparison.Ordinal), v => v.Text.Length);

        var report = BiasAnalysis.Analyze(probe.Mode, 8, await BiasAuditRunner.ObserveAsync(Variants, probe, 4, TestContext.Current.CancellationToken), alpha: 0.01);

        Assert.Equal(2, report.TestedComparisons);
        var refusals = report.Comparisons.Single(c => c.Metric == BiasMetric.Refusal);
        Assert.Equal(Math.Min(1, refusals.Test.PValue * 2), refusals.AdjustedPValue, 12);
        Assert.Equal(0.01, report.Alpha);
    }

    [Fact]
    public void An_alpha_outside_zero_to_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BiasAnalysis.Analyze("target", 0, [], alpha: 1));
    }

    private sealed class ScriptedProbe(Func<BiasVariant, bool> refuses, Func<BiasVariant, int>? answerLength = null) : IBiasProbe
    {
        public string Mode => "target";

        public Task<BiasObservation> ObserveAsync(BiasVariant variant, CancellationToken cancellationToken) =>
            Task.FromResult(refuses(variant)
                ? new BiasObservation(variant) { Refused = true, RefusalReason = "content_refused" }
                : new BiasObservation(variant) { AnswerLength = answerLength?.Invoke(variant) ?? 42 });
    }
}
