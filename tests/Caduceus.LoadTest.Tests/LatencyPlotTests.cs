using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class LatencyPlotTests
{
    private static readonly ScenarioResult[] TwoPhases =
    [
        SampleResults.Of(Targets.Direct, instances: 1, concurrency: 8, throughput: 1000, p50: 2, p99: 6),
        SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 8, throughput: 400, p50: 12, p99: 30),
        SampleResults.Of(Targets.Direct, instances: 1, concurrency: 1, throughput: 300, p50: 1, p99: 2),
        SampleResults.Of(Targets.Gateway, instances: 1, concurrency: 1, throughput: 150, p50: 4, p99: 9),
        SampleResults.Of(Targets.Direct, instances: 2, concurrency: 1, throughput: 280, p50: 1, p99: 3),
        SampleResults.Of(Targets.Gateway, instances: 2, concurrency: 1, throughput: 140, p50: 5, p99: 11),
        SampleResults.Of(Targets.Gateway, instances: 2, concurrency: 8, throughput: 390, p50: 14, p99: 33),
    ];

    [Fact]
    public void There_is_one_line_per_instance_count_with_points_in_order_of_concurrency_and_none_for_the_model_alone()
    {
        var lines = LatencyPlot.Lines(TwoPhases);

        Assert.Equal(["1 gateway", "2 gateways"], lines.Select(l => l.Label));
        Assert.Equal([150.0, 400.0], lines[0].Throughput);
        Assert.Equal([4.0, 12.0], lines[0].P50Ms);
        Assert.Equal([11.0, 33.0], lines[1].P99Ms);
    }

    [Fact]
    public void The_plot_is_written_as_a_png()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("caduceus-plot-").FullName, "nested", "latency.png");

        LatencyPlot.Write(TwoPhases, path);

        var header = File.ReadAllBytes(path)[..8];
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], header);
    }
}
