namespace Caduceus.Detection.Phi.Names;

/// <summary>A candidate's confidence and the explanation of it, in words that never quote the text.</summary>
internal readonly record struct NameScore(double Value, string Explanation);
