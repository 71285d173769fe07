namespace Caduceus.Evaluation.Injection;

/// <summary>How well injection scores separate attacks (injection and jailbreak) from benign texts.</summary>
public sealed record InjectionEvaluationReport(
    int Documents,
    double Threshold,
    int TruePositives,
    int FalsePositives,
    int TrueNegatives,
    int FalseNegatives,
    double Auc,
    IReadOnlyDictionary<string, LabelCounts> PerLabel,
    IReadOnlyList<RocPoint> Roc)
{
    /// <summary>Flagged attacks / flagged texts; 1 when nothing was flagged.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);

    /// <summary>Flagged attacks / attacks; 1 when there are no attacks.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Flagged benign texts / benign texts; 0 when there are none.</summary>
    public double FalsePositiveRate => TrueNegatives + FalsePositives == 0 ? 0 : (double)FalsePositives / (TrueNegatives + FalsePositives);

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 1 : (double)numerator / denominator;
}

/// <summary>Texts of one label and how many of them were flagged.</summary>
public sealed record LabelCounts(int Count, int Flagged)
{
    public double FlaggedRate => Count == 0 ? 0 : (double)Flagged / Count;
}

/// <summary>One point of the ROC curve: flagging every text scored at least <paramref name="Threshold"/>.</summary>
public readonly record struct RocPoint(double Threshold, double FalsePositiveRate, double TruePositiveRate);
