using BenchmarkDotNet.Attributes;
using Caduceus.Bench;
using Caduceus.Detection;
using Caduceus.Detection.Injection;

namespace Caduceus.Benchmarks;

/// <summary>The default detectors over one ~2 KB prompt: what the gateway spends per request text before policy.</summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private readonly TextAnalyzer _analyzer = TextAnalyzer.CreateDefault();
    private readonly InjectionHeuristics _injection = new();
    private readonly List<Finding> _findings = [];
    private readonly DetectionInput _withPhi = new(SamplePrompts.PortalMessageWithPhi, TextSource.User);
    private readonly DetectionInput _withoutPhi = new(SamplePrompts.ClinicalQuestionWithoutPhi, TextSource.User);

    // What the streaming inspector analyzes per chunk of a 40-chunk answer: 64 characters of released context plus
    // the ~50 new ones.
    private readonly DetectionInput _streamChunk = new(SamplePrompts.ClinicalQuestionWithoutPhi[..114], TextSource.ModelOutput);

    [GlobalSetup]
    public void CheckInputs()
    {
        // Guard against measuring something else than intended: the PHI prompt must produce at least its phone, SSN,
        // email and MRN findings (recognizers added later may find more), the clean prompt nothing at all.
        var phi = _analyzer.Analyze(_withPhi);
        var expected = new[] { EntityTypes.Mrn, EntityTypes.Ssn, EntityTypes.Phone, EntityTypes.Email };
        var types = phi.Select(f => f.EntityType).ToHashSet(StringComparer.Ordinal);
        if (!types.IsSupersetOf(expected) || types.Contains(EntityTypes.PromptInjection))
        {
            throw new InvalidOperationException($"The PHI prompt gave {phi.Count} findings ({string.Join(", ", phi.Select(f => f.EntityType))}); expected at least one each of {string.Join(", ", expected)} and no injection.");
        }

        var clean = _analyzer.Analyze(_withoutPhi);
        if (clean.Count != 0)
        {
            throw new InvalidOperationException($"The clean prompt gave findings: {string.Join(", ", clean.Select(f => f.EntityType))}.");
        }
    }

    [Benchmark(Baseline = true, Description = "Analyze, 2 KB with PHI")]
    public IReadOnlyList<Finding> Analyze_prompt_with_phi() => _analyzer.Analyze(_withPhi);

    [Benchmark(Description = "Analyze, 2 KB without PHI")]
    public IReadOnlyList<Finding> Analyze_prompt_without_phi() => _analyzer.Analyze(_withoutPhi);

    [Benchmark(Description = "Analyze, 114 chars (one streamed chunk)")]
    public IReadOnlyList<Finding> Analyze_stream_chunk() => _analyzer.Analyze(_streamChunk);

    [Benchmark(Description = "Injection heuristics only, 2 KB with PHI")]
    public int Injection_heuristics_prompt_with_phi()
    {
        _findings.Clear();
        _injection.Detect(_withPhi, _findings);
        return _findings.Count;
    }

    [Benchmark(Description = "Injection heuristics only, 2 KB without PHI")]
    public int Injection_heuristics_prompt_without_phi()
    {
        _findings.Clear();
        _injection.Detect(_withoutPhi, _findings);
        return _findings.Count;
    }
}
