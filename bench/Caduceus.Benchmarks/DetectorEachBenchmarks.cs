using System.Reflection;
using BenchmarkDotNet.Attributes;
using Caduceus.Bench;
using Caduceus.Detection;

namespace Caduceus.Benchmarks;

/// <summary>
/// Each detector of <see cref="TextAnalyzer.CreateDefault()"/> alone over the two 2 KB prompts: where
/// <see cref="DetectorBenchmarks"/>' time goes. The list follows the default analyzer, so new detectors are measured too.
/// </summary>
[MemoryDiagnoser]
public class DetectorEachBenchmarks
{
    private readonly List<Finding> _findings = [];
    private IDetector _detector = null!;
    private DetectionInput _input;

    public static IEnumerable<string> DetectorNames => DefaultDetectors().Select(d => d.Name);

    [ParamsSource(nameof(DetectorNames))]
    public string Detector { get; set; } = "";

    [Params("with PHI", "without PHI")]
    public string Prompt { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _detector = DefaultDetectors().Single(d => d.Name == Detector);
        _input = new DetectionInput(Prompt == "with PHI" ? SamplePrompts.PortalMessageWithPhi : SamplePrompts.ClinicalQuestionWithoutPhi, TextSource.User);
    }

    [Benchmark(Description = "Detect, 2 KB")]
    public int Detect()
    {
        _findings.Clear();
        _detector.Detect(_input, _findings);
        return _findings.Count;
    }

    // TextAnalyzer does not expose its detectors; reading the field keeps this list in step with CreateDefault.
    private static IDetector[] DefaultDetectors()
    {
        var field = typeof(TextAnalyzer).GetField("_detectors", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("TextAnalyzer no longer has a '_detectors' field; update DetectorEachBenchmarks.");
        return (IDetector[])field.GetValue(TextAnalyzer.CreateDefault())!;
    }
}
