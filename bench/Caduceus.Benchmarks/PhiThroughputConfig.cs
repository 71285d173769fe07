using BenchmarkDotNet.Configs;

namespace Caduceus.Benchmarks;

/// <summary>Adds the MB/s column to <see cref="PhiThroughputBenchmarks"/>.</summary>
internal sealed class PhiThroughputConfig : ManualConfig
{
    public PhiThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
}
