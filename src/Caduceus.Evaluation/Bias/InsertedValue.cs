namespace Caduceus.Evaluation.Bias;

/// <summary>Where a placeholder's value landed in an expanded text, and which group it stands for.</summary>
public sealed record InsertedValue(string Dimension, string Group, int Start, int Length);
