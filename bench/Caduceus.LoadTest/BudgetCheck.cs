namespace Caduceus.LoadTest;

/// <summary>One performance budget and whether this run met it.</summary>
internal sealed record BudgetCheck(string Budget, int Concurrency, double Measured, double Limit, bool Met)
{
    public const double AddedP50LimitMs = 1;
    public const double AddedP99LimitMs = 5;
    public const double ThroughputRatioLimit = 0.5;

    /// <summary>Added latency is judged at the lowest concurrency (no queueing), throughput at the highest.</summary>
    public static IReadOnlyList<BudgetCheck> Of(IReadOnlyList<Comparison> comparisons)
    {
        if (comparisons.Count == 0)
        {
            return [];
        }

        var quiet = comparisons.MinBy(c => c.Concurrency)!;
        var busy = comparisons.MaxBy(c => c.Concurrency)!;
        return
        [
            new("added p50 latency (ms) <=", quiet.Concurrency, quiet.AddedP50Ms, AddedP50LimitMs, quiet.AddedP50Ms <= AddedP50LimitMs),
            new("added p99 latency (ms) <=", quiet.Concurrency, quiet.AddedP99Ms, AddedP99LimitMs, quiet.AddedP99Ms <= AddedP99LimitMs),
            new("throughput gateway/direct >=", busy.Concurrency, busy.ThroughputRatio, ThroughputRatioLimit, busy.ThroughputRatio >= ThroughputRatioLimit),
        ];
    }
}
