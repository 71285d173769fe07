namespace Caduceus.Evaluation.Bias;

/// <summary>One request template of a bias-audit file: its text with <c>{placeholders}</c> and one dimension per placeholder.</summary>
public sealed record BiasTemplate(string Id, string Text, IReadOnlyList<BiasDimension> Dimensions);
