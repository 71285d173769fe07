using BenchmarkDotNet.Attributes;
using Caduceus.Detection;
using Caduceus.Detection.Injection.Embeddings;

namespace Caduceus.Benchmarks;

/// <summary>
/// The sentence-embedding injection layer on a 512-token clinical request (17 sentences of 30 tokens) (one thread: the encoder's session is
/// single-threaded). The encoder is loaded in setup, so this is the per-text cost, not the one-off load.
/// </summary>
[MemoryDiagnoser]
public class EmbeddingBenchmarks
{
    private static readonly string Text = string.Concat(Enumerable.Repeat(
        "The patient reports mild chest pain after exercise and was advised to rest, with a follow-up visit booked for next week at the cardiology clinic. ",
        17));

    private readonly InjectionEmbeddingClassifier _classifier = new();

    [GlobalSetup]
    public void Setup() => _classifier.Score("warm up", TextSource.User);

    [Benchmark(Description = "embed + score, 512 tokens, segments of 320 chars (chat)")]
    public double Direct() => _classifier.Score(Text, TextSource.User)!.Value;

    [Benchmark(Description = "embed + score, 512 tokens, one sentence a chunk (tool result)")]
    public double Indirect() => _classifier.Score(Text, TextSource.Tool)!.Value;
}
