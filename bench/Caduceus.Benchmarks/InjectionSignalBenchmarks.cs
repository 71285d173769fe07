using BenchmarkDotNet.Attributes;
using Caduceus.Bench;
using Caduceus.Detection.Injection;

namespace Caduceus.Benchmarks;

/// <summary>
/// Each injection signal alone over the clean 2 KB prompt (nothing matches, so every pattern scans the whole text):
/// shows which patterns the heuristics' time goes to.
/// </summary>
[MemoryDiagnoser]
public class InjectionSignalBenchmarks
{
    private InjectionSignal _signal = null!;

    public static IEnumerable<string> SignalNames => InjectionSignals.All.Select(s => s.Name);

    [ParamsSource(nameof(SignalNames))]
    public string Signal { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _signal = InjectionSignals.All.Single(s => s.Name == Signal);

    [Benchmark(Description = "TryMatch, 2 KB without PHI")]
    public bool Signal_over_prompt_without_phi() => _signal.TryMatch(SamplePrompts.ClinicalQuestionWithoutPhi, out _, out _);
}
