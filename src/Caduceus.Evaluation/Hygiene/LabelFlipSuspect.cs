namespace Caduceus.Evaluation.Hygiene;

/// <summary>Two near-duplicate texts with opposite labels: one of the labels is probably wrong, or was poisoned.</summary>
public sealed record LabelFlipSuspect(string AttackId, string BenignId, double Jaccard);
