using Caduceus.Detection.Injection.Learned;

namespace Caduceus.Detection.Injection.Embeddings;

/// <summary>
/// The embedding layer of the injection engine: each chunk of a text is embedded by MiniLM
/// (<see cref="SentenceEncoder"/>) and scored by a logistic regression (<see cref="EmbeddingClassifierModel"/>, a
/// direct model for chat messages and an indirect one for tool results); one finding for the whole text when its best
/// chunk's probability reaches <see cref="InjectionClassifier.ReportThreshold"/>. Opt-in (not in the default analyzer):
/// it costs about 100 ms per 512 tokens on one core. With a <see cref="EmbeddingCascade"/> it embeds only texts the
/// n-gram classifier is unsure of. The encoder loads on first use. Thread-safe.
/// </summary>
public sealed class InjectionEmbeddingClassifier : IDetector
{
    private readonly EmbeddingClassifierModel _direct;
    private readonly EmbeddingClassifierModel _indirect;
    private readonly Func<SentenceEncoder> _encoder;
    private readonly EmbeddingCascade? _cascade;

    /// <summary>The built-in models and the packaged encoder, embedding every text.</summary>
    public InjectionEmbeddingClassifier()
        : this(EmbeddingClassifierModel.Direct, EmbeddingClassifierModel.Indirect, () => SentenceEncoder.Shared)
    {
    }

    /// <param name="direct">Scores chat messages (user, system, assistant).</param>
    /// <param name="indirect">Scores tool results.</param>
    /// <param name="encoder">Gives the encoder when first needed (loading it is slow).</param>
    /// <param name="cascade">When given, only texts in its uncertain band are embedded.</param>
    public InjectionEmbeddingClassifier(EmbeddingClassifierModel direct, EmbeddingClassifierModel indirect, Func<SentenceEncoder> encoder, EmbeddingCascade? cascade = null)
    {
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(indirect);
        ArgumentNullException.ThrowIfNull(encoder);
        _direct = direct;
        _indirect = indirect;
        _encoder = encoder;
        _cascade = cascade;
    }

    /// <inheritdoc />
    public string Name => nameof(InjectionEmbeddingClassifier);

    /// <summary>The attack probability of <paramref name="text"/> by its best chunk, or null when the cascade skipped it.</summary>
    public double? Score(string text, TextSource source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var indirect = source is TextSource.Tool;
        if (_cascade is not null && !_cascade.IsUncertain(text, indirect))
        {
            return null;
        }

        var model = indirect ? _indirect : _direct;
        return model.Score(_encoder().EmbedChunks(text, model.SegmentLength));
    }

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);
        if (string.IsNullOrWhiteSpace(input.Text) || Score(input.Text, input.Source) is not { } score)
        {
            return;
        }

        var probability = Math.Round(score, 2);
        if (probability >= InjectionClassifier.ReportThreshold)
        {
            findings.Add(new Finding(
                EntityTypes.PromptInjection,
                FindingCategory.Injection,
                0,
                input.Text.Length,
                probability,
                Name,
                input.Source is TextSource.Tool
                    ? "sentence-embedding classifier (indirect mode) judged a passage of the text to be instructions for the model"
                    : "sentence-embedding classifier judged the text an injection or jailbreak"));
        }
    }
}
