namespace Caduceus.Detection.Injection.Learned;

/// <summary>
/// The learned injection layer: logistic regressions over hashed word and character n-grams of a text's segments,
/// trained by <c>caduceus train injection</c> on the training parts of the public injection sets and our own benign
/// healthcare messages. Two models: one for what people type (chat messages: direct injection and jailbreaks), one
/// for what the model reads (tool results: instructions smuggled into documents), chosen by the text's source.
/// Reports one finding for the whole text when its probability of being an attack reaches
/// <see cref="ReportThreshold"/>; the score is that probability. Stateless and thread-safe.
/// </summary>
public sealed class InjectionClassifier : IDetector
{
    /// <summary>Below this probability nothing is reported (the policy's default blocking threshold is 0.5).</summary>
    public const double ReportThreshold = 0.3;

    private readonly InjectionClassifierModel _direct;
    private readonly InjectionClassifierModel _indirect;

    /// <summary>A classifier with the built-in models.</summary>
    public InjectionClassifier()
        : this(InjectionClassifierModel.Direct, InjectionClassifierModel.Indirect)
    {
    }

    /// <param name="direct">Scores chat messages (user, system, assistant).</param>
    /// <param name="indirect">Scores tool results and the model's own output.</param>
    public InjectionClassifier(InjectionClassifierModel direct, InjectionClassifierModel indirect)
    {
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(indirect);
        _direct = direct;
        _indirect = indirect;
    }

    /// <inheritdoc />
    public string Name => nameof(InjectionClassifier);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            return;
        }

        var indirect = input.Source is TextSource.Tool;
        var probability = Math.Round((indirect ? _indirect : _direct).Score(input.Text), 2);
        if (probability >= ReportThreshold)
        {
            findings.Add(new Finding(
                EntityTypes.PromptInjection,
                FindingCategory.Injection,
                0,
                input.Text.Length,
                probability,
                Name,
                indirect
                    ? "learned classifier (indirect mode, word and character n-grams) judged the text to carry instructions for the model"
                    : "learned classifier (word and character n-grams) judged the text an injection or jailbreak"));
        }
    }
}
