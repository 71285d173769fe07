using Caduceus.Detection.Injection.Learned;

namespace Caduceus.Detection.Injection.Embeddings;

/// <summary>
/// Decides which texts are worth embedding: those whose n-gram classifier probability lies in
/// [<see cref="Low"/>, <see cref="High"/>). Below, the cheap layer is confident the text is benign; at or above, it
/// already reports the attack. Costs one more n-gram scoring (well under a millisecond per kilobyte).
/// </summary>
public sealed class EmbeddingCascade
{
    /// <summary>The band the gateway uses (chosen on the development parts, see docs/evaluation.md).</summary>
    public const double DefaultLow = 0.02;

    /// <inheritdoc cref="DefaultLow"/>
    public const double DefaultHigh = 0.5;

    private readonly InjectionClassifierModel _direct;
    private readonly InjectionClassifierModel _indirect;

    public EmbeddingCascade(double low, double high)
        : this(low, high, InjectionClassifierModel.Direct, InjectionClassifierModel.Indirect)
    {
    }

    public EmbeddingCascade(double low, double high, InjectionClassifierModel direct, InjectionClassifierModel indirect)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(low);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(high, 1.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(low, high);
        ArgumentNullException.ThrowIfNull(direct);
        ArgumentNullException.ThrowIfNull(indirect);
        Low = low;
        High = high;
        _direct = direct;
        _indirect = indirect;
    }

    public double Low { get; }

    public double High { get; }

    public bool IsUncertain(string text, bool indirect)
    {
        var score = (indirect ? _indirect : _direct).Score(text);
        return score >= Low && score < High;
    }
}
