namespace Caduceus.Evaluation.Metrics;

/// <summary>A token of an evaluation text, in UTF-16 indices, end-exclusive.</summary>
internal readonly record struct TextToken(int Start, int End);
