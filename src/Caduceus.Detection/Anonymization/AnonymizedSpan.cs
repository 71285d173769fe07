namespace Caduceus.Detection.Anonymization;

/// <summary>One replacement the engine made. Positions only: never the original value.</summary>
/// <param name="EntityType">The type the replaced stretch was treated as.</param>
/// <param name="Operator">Name of the operator that produced the replacement.</param>
/// <param name="Start">Offset of the replaced stretch in the original text.</param>
/// <param name="Length">Length of the replaced stretch in the original text.</param>
/// <param name="OutputStart">Offset of the replacement in the anonymized text.</param>
/// <param name="OutputLength">Length of the replacement in the anonymized text.</param>
public readonly record struct AnonymizedSpan(string EntityType, string Operator, int Start, int Length, int OutputStart, int OutputLength)
{
    public int End => Start + Length;

    public int OutputEnd => OutputStart + OutputLength;
}
