using Caduceus.Bench.AnomalyTraffic;
using Caduceus.Events;
using Caduceus.Gateway.Anomaly;

namespace Caduceus.Gateway.Tests.Anomaly;

public sealed class AnomalyDetectorTests
{
    private const int Seed = 7;
    private const int AttackSeed = 11;

    // Nine days of normal traffic and a little more: the attacks start on the tenth day.
    private static readonly Lazy<IReadOnlyList<RequestObservation>> NineDays = new(() => SyntheticClinicTraffic.Normal(Seed, 20_000));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Enumeration_of_patient_records_is_flagged_within_20_requests(int scenario)
    {
        var (name, attack) = AttackScenarios.All(AttackSeed)[scenario];

        var outcome = await AnomalyReplay.AttackAsync(name, AnomalyReplay.ClinicOptions(), NineDays.Value, attack);

        Assert.NotNull(outcome.FlaggedAtRequest);
        Assert.InRange(outcome.FlaggedAtRequest.Value, 1, 20);
        Assert.Equal(AnomalyMetrics.DistinctPatients, outcome.FirstMetric);
        Assert.Equal(0, outcome.FalseAnomalies);
    }

    [Fact]
    public async Task Extraction_style_querying_is_flagged_within_60_requests()
    {
        var (name, attack) = AttackScenarios.All(AttackSeed)[3];

        var outcome = await AnomalyReplay.AttackAsync(name, AnomalyReplay.ClinicOptions(), NineDays.Value, attack);

        Assert.InRange(outcome.FlaggedAtRequest ?? int.MaxValue, 1, 60);
    }

    [Fact]
    public async Task Bulk_use_in_the_middle_of_the_night_is_flagged_within_20_requests()
    {
        var (name, attack) = AttackScenarios.All(AttackSeed)[4];

        var outcome = await AnomalyReplay.AttackAsync(name, AnomalyReplay.ClinicOptions(), NineDays.Value, attack);

        Assert.InRange(outcome.FlaggedAtRequest ?? int.MaxValue, 1, 20);
    }

    [Fact]
    public async Task Normal_clinic_traffic_raises_at_most_one_anomaly_per_10000_requests()
    {
        var detector = new AnomalyDetector(AnomalyReplay.ClinicOptions(), new InMemoryAnomalyStateStore());

        var raised = await AnomalyReplay.RunAsync(detector, NineDays.Value);

        Assert.True(raised.Count <= NineDays.Value.Count / 10_000, $"{raised.Count} anomalies on {NineDays.Value.Count} normal requests: {string.Join("; ", raised.Select(r => r.Anomaly.Detail))}");
    }

    [Fact]
    public async Task One_incident_raises_one_event_per_metric_and_subject_not_a_flood()
    {
        var (name, attack) = AttackScenarios.All(AttackSeed)[0];
        var detector = new AnomalyDetector(AnomalyReplay.ClinicOptions(), new InMemoryAnomalyStateStore());

        var raised = await AnomalyReplay.RunAsync(detector, AnomalyReplay.Merge(NineDays.Value.Where(o => o.Time < attack[^1].Time), attack));

        var onAttacker = raised.Where(r => r.Anomaly.KeyId == "key_dr_adams").ToList();
        Assert.NotEmpty(onAttacker);
        Assert.All(onAttacker.GroupBy(r => (r.Anomaly.Detail.Dimension, r.Anomaly.Detail.Subject, r.Anomaly.Detail.Metric)), group => Assert.Single(group));
    }

    [Fact]
    public async Task An_anomaly_carries_the_baseline_the_observed_value_and_the_score()
    {
        var (_, attack) = AttackScenarios.All(AttackSeed)[0];
        var detector = new AnomalyDetector(AnomalyReplay.ClinicOptions(), new InMemoryAnomalyStateStore());

        var raised = await AnomalyReplay.RunAsync(detector, AnomalyReplay.Merge(NineDays.Value.Where(o => o.Time < attack[^1].Time), attack));

        var detail = raised.Select(r => r.Anomaly.Detail).First(d => d.Dimension == AnomalySubject.Key && d.Metric == AnomalyMetrics.DistinctPatients);
        Assert.Equal("key_dr_adams", detail.Subject);
        Assert.NotNull(detail.BaselineMean);
        Assert.NotNull(detail.BaselineDeviation);
        Assert.True(detail.Observed >= 15, detail.ToString());
        Assert.True(detail.Score >= 5, detail.ToString());
        Assert.Equal(detail.Score, Math.Round((detail.Observed - detail.BaselineMean!.Value) / detail.BaselineDeviation!.Value, 2));
    }

    [Fact]
    public async Task A_new_key_with_a_little_traffic_stays_quiet_before_its_baseline_is_warm()
    {
        var detector = new AnomalyDetector(new AnomalyOptions(), new InMemoryAnomalyStateStore());
        var start = new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);
        var requests = Enumerable.Range(0, 12).Select(i =>
            new RequestObservation(start.AddSeconds(i * 20), "key_fresh", "fresh", null, 2, [SyntheticClinicTraffic.PatientValue(i, "MRN")], i % 3 == 0, 800));

        var raised = await AnomalyReplay.RunAsync(detector, requests);

        Assert.Empty(raised);
    }

    [Fact]
    public async Task A_conversation_that_names_many_patients_is_flagged_once()
    {
        var detector = new AnomalyDetector(new AnomalyOptions(), new InMemoryAnomalyStateStore());
        var start = new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);
        var requests = Enumerable.Range(0, 12).Select(i =>
            new RequestObservation(start.AddSeconds(i * 20), $"key_{i % 4}", "phone", "conv_hash", 1, [SyntheticClinicTraffic.PatientValue(i, "MRN")], false, 300));

        var raised = await AnomalyReplay.RunAsync(detector, requests);

        var (index, anomaly) = Assert.Single(raised);
        Assert.Equal(5, index);
        Assert.Equal((AnomalySubject.Conversation, "conv_hash", AnomalyMetrics.DistinctPatients), (anomaly.Detail.Dimension, anomaly.Detail.Subject, anomaly.Detail.Metric));
        Assert.Null(anomaly.Detail.BaselineMean);
    }
}
