namespace Caduceus.Evaluation.Hygiene;

/// <summary>What the hygiene checks found before training (training only runs when there were no cross-part duplicates).</summary>
public sealed record TrainingHygiene(
    string Normalization,
    int CrossPartDuplicates,
    double NearDuplicateJaccard,
    IReadOnlyList<LabelFlipSuspect> LabelFlipSuspects,
    bool LabelFlipSearchTruncated);
