using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class VariantDifferenceTests
{
    private static RoundResult Round(int round, string target, int concurrency, double p50, double? cpu = null) =>
        new(round, SampleResults.Of(target, instances: 1, concurrency, throughput: 100, p50, p99: p50 * 3) with { GatewayCpuMsPerRequest = cpu });

    [Fact]
    public void The_difference_is_taken_round_by_round_and_judged_on_its_median_at_the_budget_concurrency()
    {
        RoundResult[] rounds =
        [
            Round(1, "gateway-noaudit", 64, p50: 10.0, cpu: 0.20), Round(1, "gateway", 64, p50: 10.3, cpu: 0.25),
            Round(2, "gateway-noaudit", 64, p50: 12.0, cpu: 0.20), Round(2, "gateway", 64, p50: 12.9, cpu: 0.26),
            Round(3, "gateway-noaudit", 64, p50: 11.0, cpu: 0.20), Round(3, "gateway", 64, p50: 10.8, cpu: 0.24),
            Round(1, "gateway-noaudit", 1, p50: 1.0), Round(1, "gateway", 1, p50: 3.0),
        ];

        var differences = VariantDifference.Of(rounds, VariantSet.Audit);

        var busy = Assert.Single(differences, d => d.Concurrency == 64);
        Assert.Equal(3, busy.Rounds);
        Assert.Equal(0.3, busy.MedianP50DifferenceMs, precision: 9);
        Assert.Equal((-0.2, 0.9), (Math.Round(busy.MinP50DifferenceMs, 9), Math.Round(busy.MaxP50DifferenceMs, 9)));
        Assert.Equal((2, 1), (busy.RoundsVariantSlower, busy.RoundsOverBudget));
        Assert.Equal(0.05, busy.CpuDifferenceMsPerRequest!.Value, precision: 9);
        Assert.True(busy.Met);
        Assert.Contains("1 of 3 rounds over the budget", busy.Confidence, StringComparison.Ordinal);

        // Issue 6 states its budget at 64 connections only: a 2 ms difference at concurrency 1 is reported, not judged.
        var quiet = Assert.Single(differences, d => d.Concurrency == 1);
        Assert.Equal(2.0, quiet.MedianP50DifferenceMs, precision: 9);
        Assert.Null(quiet.Met);
    }

    [Fact]
    public void Exporters_are_judged_at_every_concurrency_and_a_median_over_the_budget_misses_it()
    {
        RoundResult[] rounds =
        [
            Round(1, "gateway", 1, p50: 1.0), Round(1, "gateway-siem", 1, p50: 1.5),
            Round(2, "gateway", 1, p50: 1.1), Round(2, "gateway-siem", 1, p50: 1.4),
        ];

        var difference = Assert.Single(VariantDifference.Of(rounds, VariantSet.Exporters));

        Assert.False(difference.Met);
        Assert.Equal("every round over the budget", difference.Confidence);
    }

    [Fact]
    public void Summaries_take_medians_over_rounds_and_added_latency_against_direct_in_the_same_round()
    {
        RoundResult[] rounds =
        [
            Round(1, Targets.Direct, 1, p50: 0.1), Round(1, "gateway", 1, p50: 1.1),
            Round(2, Targets.Direct, 1, p50: 0.5), Round(2, "gateway", 1, p50: 1.3),
            Round(3, Targets.Direct, 1, p50: 0.2), Round(3, "gateway", 1, p50: 2.2),
        ];

        var gateway = Assert.Single(VariantSummary.Of(rounds), s => s.Target == "gateway");

        Assert.Equal(3, gateway.Rounds);
        Assert.Equal(1.3, gateway.P50Ms, precision: 9);
        Assert.Equal(1.0, gateway.AddedP50Ms, precision: 9);
    }

    [Fact]
    public void Each_round_starts_one_target_further_so_every_target_takes_every_position()
    {
        string[] targets = ["direct", "base", "variant"];

        Assert.Equal(["direct", "base", "variant"], VariantRun.RoundOrder(targets, 1));
        Assert.Equal(["base", "variant", "direct"], VariantRun.RoundOrder(targets, 2));
        Assert.Equal(["variant", "direct", "base"], VariantRun.RoundOrder(targets, 3));
        Assert.Equal(["direct", "base", "variant"], VariantRun.RoundOrder(targets, 4));
    }

    [Fact]
    public void The_ssn_the_receivers_watch_for_is_the_one_in_the_phi_prompt() =>
        Assert.Contains(VariantRun.SampleSsn, Caduceus.Bench.SamplePrompts.PortalMessageWithPhi, StringComparison.Ordinal);
}
