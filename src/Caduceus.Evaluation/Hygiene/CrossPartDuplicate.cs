namespace Caduceus.Evaluation.Hygiene;

/// <summary>A text of the training part that also appears (normalized) in a held-out part.</summary>
public sealed record CrossPartDuplicate(string TrainingId, string HeldOutId);
