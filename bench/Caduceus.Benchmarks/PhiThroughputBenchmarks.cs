using BenchmarkDotNet.Attributes;
using Caduceus.Detection;

namespace Caduceus.Benchmarks;

/// <summary>
/// Issue 3's throughput target for the pattern and gazetteer layers (≥ 20 MB/s on one core over clinical notes): each
/// such recognizer alone, and all of them together, over <see cref="PhiBenchCorpus"/>. One operation scans every note.
/// The learned and injection detectors are not pattern or gazetteer layers and are left out (the 2 KB latency target,
/// which counts them, is <see cref="DetectorBenchmarks"/>' "Analyze, 2 KB without PHI").
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PhiThroughputConfig))]
public class PhiThroughputBenchmarks
{
    public const string AllTogether = "all pattern+gazetteer";

    private static readonly string[] NotPatternOrGazetteer = ["PhiTagger", "InjectionHeuristics", "InjectionClassifier"];

    private TextAnalyzer _analyzer = null!;
    private DetectionInput[] _notes = [];

    public static IEnumerable<string> Recognizers =>
        [.. TextAnalyzer.DefaultDetectorNames.Except(NotPatternOrGazetteer, StringComparer.Ordinal), AllTogether];

    [ParamsSource(nameof(Recognizers))]
    public string Recognizer { get; set; } = AllTogether;

    [GlobalSetup]
    public void Setup()
    {
        var all = TextAnalyzer.CreateDefault();
        _analyzer = Recognizer == AllTogether
            ? all.Without(NotPatternOrGazetteer)
            : all.Without(TextAnalyzer.DefaultDetectorNames.Where(n => n != Recognizer));
        _notes = [.. PhiBenchCorpus.Notes.Select(n => new DetectionInput(n, TextSource.User))];
    }

    [Benchmark(Description = "Analyze all notes")]
    public int Analyze_all_notes()
    {
        var findings = 0;
        foreach (var note in _notes)
        {
            findings += _analyzer.Analyze(note).Count;
        }

        return findings;
    }
}
