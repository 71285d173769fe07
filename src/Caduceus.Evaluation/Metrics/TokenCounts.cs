namespace Caduceus.Evaluation.Metrics;

/// <summary>
/// Token counts behind one line of a report, and the rates they give. For the type-agnostic line the two pairs
/// coincide in meaning (gold PHI tokens found; predicted tokens that are PHI). For one entity type T:
/// <see cref="Gold"/> counts tokens inside a gold span of type T and <see cref="Found"/> those of them inside a
/// counted finding of any type; <see cref="Predicted"/> counts tokens inside a counted finding of type T and
/// <see cref="Correct"/> those of them inside a gold span of any type.
/// </summary>
/// <param name="Gold">Gold PHI tokens (the support).</param>
/// <param name="Found">Gold tokens that a counted finding covers.</param>
/// <param name="Predicted">Tokens that a counted finding covers.</param>
/// <param name="Correct">Predicted tokens that are gold PHI.</param>
public readonly record struct TokenCounts(long Gold, long Found, long Predicted, long Correct)
{
    /// <summary>Found / Gold; 1 when there is no gold token (nothing could be missed).</summary>
    public double Recall => Gold == 0 ? 1.0 : (double)Found / Gold;

    /// <summary>Correct / Predicted; 1 when nothing was predicted (no false alarm was raised).</summary>
    public double Precision => Predicted == 0 ? 1.0 : (double)Correct / Predicted;

    /// <summary>Harmonic mean of <see cref="Recall"/> and <see cref="Precision"/>; 0 when both are 0.</summary>
    public double F1
    {
        get
        {
            var recall = Recall;
            var precision = Precision;
            return recall + precision == 0 ? 0.0 : 2 * recall * precision / (recall + precision);
        }
    }

    /// <summary>Tokens that are gold PHI and were not found: each one is a leak.</summary>
    public long Missed => Gold - Found;

    public static TokenCounts operator +(TokenCounts left, TokenCounts right) => Add(left, right);

    public static TokenCounts Add(TokenCounts left, TokenCounts right) => new(
        left.Gold + right.Gold, left.Found + right.Found, left.Predicted + right.Predicted, left.Correct + right.Correct);
}
