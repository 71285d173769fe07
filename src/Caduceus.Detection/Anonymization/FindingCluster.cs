namespace Caduceus.Detection.Anonymization;

/// <summary>
/// One stretch of text to replace: the union of findings that overlap or touch, and the finding whose entity type
/// (and operator) the replacement takes.
/// </summary>
/// <param name="Start">Offset of the first replaced character.</param>
/// <param name="End">Offset one past the last replaced character.</param>
/// <param name="Winner">The highest-scoring finding of the stretch; on a tie the earliest, then the longest.</param>
internal readonly record struct FindingCluster(int Start, int End, Finding Winner)
{
    public int Length => End - Start;
}
