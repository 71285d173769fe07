namespace Caduceus.Evaluation.Hygiene;

/// <summary>A training or tuning text by id, with its binary label, as the hygiene checks see it.</summary>
public sealed record LabelledText(string Id, string Text, bool IsAttack);
