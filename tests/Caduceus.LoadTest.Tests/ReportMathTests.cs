using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class ReportMathTests
{
    private static readonly double[] OneToHundred = [.. Enumerable.Range(1, 100).Select(i => (double)i)];

    [Theory]
    [InlineData(0.50, 50)]
    [InlineData(0.90, 90)]
    [InlineData(0.99, 99)]
    [InlineData(1.00, 100)]
    [InlineData(0.001, 1)]
    public void Percentile_is_the_nearest_rank(double p, double expected) =>
        Assert.Equal(expected, ReportMath.Percentile(OneToHundred, p));

    [Fact]
    public void Percentile_of_few_samples_takes_the_largest_for_p99_and_of_none_is_zero()
    {
        Assert.Equal(10, ReportMath.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99));
        Assert.Equal(5, ReportMath.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.50));
        Assert.Equal(0, ReportMath.Percentile([], 0.99));
    }

    [Fact]
    public void Error_rate_is_errors_over_all_requests_and_zero_without_requests()
    {
        Assert.Equal(0.25, ReportMath.ErrorRate(requests: 400, errors: 100));
        Assert.Equal(0, ReportMath.ErrorRate(requests: 0, errors: 0));
    }

    [Fact]
    public void Throughput_and_cpu_per_request_divide_by_time_and_requests()
    {
        Assert.Equal(150, ReportMath.Throughput(answered: 1500, seconds: 10));
        Assert.Equal(0, ReportMath.Throughput(answered: 1500, seconds: 0));
        Assert.Equal(2.5, ReportMath.CpuPerRequest(TimeSpan.FromSeconds(5), 2000));
        Assert.Equal(0, ReportMath.CpuPerRequest(TimeSpan.FromSeconds(5), 0));
    }

    [Fact]
    public void Median_is_the_middle_value_or_the_mean_of_the_two_middle_ones_and_zero_when_empty()
    {
        Assert.Equal(3, ReportMath.Median([5, 1, 3]));
        Assert.Equal(2.5, ReportMath.Median([4, 1, 3, 2]));
        Assert.Equal(0, ReportMath.Median([]));
    }
}
