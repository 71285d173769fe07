namespace Caduceus.Evaluation.Bias;

/// <summary>A placeholder of a template (e.g. <c>{name}</c>) and the groups whose values fill it.</summary>
public sealed record BiasDimension(string Name, IReadOnlyList<BiasGroup> Groups);
