namespace Caduceus.Evaluation.Bias;

/// <summary>One demographic group of a dimension (e.g. <c>hispanic_female</c> of <c>name</c>) and the values that stand for it.</summary>
public sealed record BiasGroup(string Name, IReadOnlyList<string> Values);
