using Caduceus.Detection.Injection;
using Caduceus.Detection.Injection.Embeddings;
using Caduceus.Detection.Injection.Learned;
using Caduceus.Detection.Phi;
using Caduceus.Detection.Phi.Accounts;
using Caduceus.Detection.Phi.Addresses;
using Caduceus.Detection.Phi.Ages;
using Caduceus.Detection.Phi.Dates;
using Caduceus.Detection.Phi.Devices;
using Caduceus.Detection.Phi.HealthPlans;
using Caduceus.Detection.Phi.Identifiers;
using Caduceus.Detection.Phi.Learned;
using Caduceus.Detection.Phi.Licenses;
using Caduceus.Detection.Phi.Names;
using Caduceus.Detection.Phi.Network;
using Caduceus.Detection.Phi.Spoken;
using Caduceus.Detection.Phi.Vehicles;

namespace Caduceus.Detection;

/// <summary>
/// Runs a fixed set of detectors over a text and returns their findings in reading order: by start offset, longer
/// spans first. A PHI finding wholly inside another PHI finding that scores at least as high is dropped (one span, one type).
/// Stateless and thread-safe; one instance serves every request.
/// </summary>
public sealed class TextAnalyzer : ITextAnalyzer
{
    private readonly IDetector[] _detectors;

    /// <param name="detectors">Run in the order given. Each must be stateless and thread-safe.</param>
    public TextAnalyzer(IEnumerable<IDetector> detectors)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        _detectors = [.. detectors];
        foreach (var detector in _detectors)
        {
            if (detector is null)
            {
                throw new ArgumentException("The detector list contains null.", nameof(detectors));
            }
        }
    }

    /// <summary>The names of the built-in detectors of <see cref="CreateDefault()"/>, in the order they run (known without loading them).</summary>
    public static IReadOnlyList<string> DefaultDetectorNames { get; } =
    [
        nameof(SsnRecognizer),
        nameof(PhoneRecognizer),
        nameof(EmailRecognizer),
        nameof(MrnRecognizer),
        nameof(DateRecognizer),
        nameof(AgeRecognizer),
        nameof(AddressRecognizer),
        nameof(UrlRecognizer),
        nameof(IpRecognizer),
        nameof(MbiRecognizer),
        nameof(HicnRecognizer),
        nameof(PaymentCardRecognizer),
        nameof(IbanRecognizer),
        nameof(AbaRoutingRecognizer),
        nameof(NpiRecognizer),
        nameof(DeaRecognizer),
        nameof(VinRecognizer),
        nameof(UdiRecognizer),
        nameof(LabelledIdentifierRecognizer),
        nameof(AlphanumericIdRecognizer),
        nameof(SpokenIdentifierRecognizer),
        nameof(NameRecognizer),
        nameof(PhiTagger),
        nameof(InjectionHeuristics),
        nameof(InjectionClassifier),
    ];

    /// <summary>
    /// Detectors that run only where configuration enables them (too slow for every text): the sentence-embedding
    /// injection layer. <see cref="WithOptional"/> adds them.
    /// </summary>
    public static IReadOnlyList<string> OptionalDetectorNames { get; } = [nameof(InjectionEmbeddingClassifier)];

    /// <summary>The names of this analyzer's detectors, in the order they run.</summary>
    public IReadOnlyList<string> DetectorNames => [.. _detectors.Select(d => d.Name)];

    /// <summary>An analyzer with the same detectors minus those named (ordinal, case-insensitive); unknown names are ignored.</summary>
    public TextAnalyzer Without(IEnumerable<string> detectorNames)
    {
        ArgumentNullException.ThrowIfNull(detectorNames);
        var excluded = detectorNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return excluded.Count == 0 ? this : new TextAnalyzer(_detectors.Where(d => !excluded.Contains(d.Name)));
    }

    /// <summary>An analyzer with the same detectors and then <paramref name="detector"/>.</summary>
    public TextAnalyzer With(IDetector detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        return new TextAnalyzer([.. _detectors, detector]);
    }

    /// <summary>
    /// This analyzer plus the optional detectors named (ordinal, case-insensitive; unknown names are ignored). The
    /// embedding layer runs as a cascade: only texts the n-gram classifier is unsure of are embedded.
    /// </summary>
    public TextAnalyzer WithOptional(IEnumerable<string> detectorNames)
    {
        ArgumentNullException.ThrowIfNull(detectorNames);
        return detectorNames.Contains(nameof(InjectionEmbeddingClassifier), StringComparer.OrdinalIgnoreCase)
            ? With(SharedEmbeddingClassifier.Value)
            : this;
    }

    private static readonly Lazy<InjectionEmbeddingClassifier> SharedEmbeddingClassifier = new(
        () => new InjectionEmbeddingClassifier(
            EmbeddingClassifierModel.Direct,
            EmbeddingClassifierModel.Indirect,
            () => SentenceEncoder.Shared,
            new EmbeddingCascade(EmbeddingCascade.DefaultLow, EmbeddingCascade.DefaultHigh)),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>An analyzer with every built-in detector in its default configuration.</summary>
    public static TextAnalyzer CreateDefault() => CreateDefault(PhiTaggerModel.Default);

    /// <summary>An analyzer with every built-in detector, the learned PHI tagger using <paramref name="taggerModel"/>.</summary>
    public static TextAnalyzer CreateDefault(PhiTaggerModel taggerModel) => CreateDefault(taggerModel, new InjectionClassifier());

    /// <summary>An analyzer with every built-in detector, the learned ones given.</summary>
    public static TextAnalyzer CreateDefault(PhiTaggerModel taggerModel, InjectionClassifier injectionClassifier) => new(
    [
        new SsnRecognizer(),
        new PhoneRecognizer(),
        new EmailRecognizer(),
        new MrnRecognizer(),
        new DateRecognizer(),
        new AgeRecognizer(),
        new AddressRecognizer(),
        new UrlRecognizer(),
        new IpRecognizer(),
        new MbiRecognizer(),
        new HicnRecognizer(),
        new PaymentCardRecognizer(),
        new IbanRecognizer(),
        new AbaRoutingRecognizer(),
        new NpiRecognizer(),
        new DeaRecognizer(),
        new VinRecognizer(),
        new UdiRecognizer(),
        new LabelledIdentifierRecognizer(),
        new AlphanumericIdRecognizer(),
        new SpokenIdentifierRecognizer(),
        new NameRecognizer(),
        new PhiTagger(taggerModel),
        new InjectionHeuristics(),
        injectionClassifier,
    ]);

    /// <summary>
    /// Findings of all detectors on <paramref name="input"/>. A detector's exception (including a regex timeout)
    /// propagates: a text that could not be inspected must not look like a clean one.
    /// </summary>
    public IReadOnlyList<Finding> Analyze(DetectionInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Text);

        var findings = new List<Finding>();
        foreach (var detector in _detectors)
        {
            detector.Detect(input, findings);
        }

        if (findings.Count == 0)
        {
            return [];
        }

        findings.Sort(FindingOrder.Instance);
        RemoveContainedPhi(findings);
        return findings;
    }

    // A PHI finding that lies wholly inside a PHI finding scoring at least as high adds nothing (the wider span hides
    // it anyway), so it goes: one span, one type. Sorted by start, longer and higher-scoring first, the widest reach
    // so far is the only container to check, which keeps this linear. Overlaps that are not containment are kept
    // (dropping either side could leave part of a value exposed). Injection findings are never merged.
    private static void RemoveContainedPhi(List<Finding> findings)
    {
        var kept = 0;
        Finding? widest = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (finding.Category == FindingCategory.Phi)
            {
                if (widest is not null && finding.End <= widest.End && finding.Score <= widest.Score)
                {
                    continue;
                }

                if (widest is null || finding.End > widest.End)
                {
                    widest = finding;
                }
            }

            findings[kept++] = finding;
        }

        findings.RemoveRange(kept, findings.Count - kept);
    }
}
