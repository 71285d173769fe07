namespace Caduceus.Evaluation.Data;

/// <summary>A labelled identifier in an evaluation text, in UTF-16 indices (as .NET strings and findings count).</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="End">Index one past the last character.</param>
/// <param name="Type">One of <see cref="Detection.EntityTypes.Phi"/>.</param>
public readonly record struct GoldSpan(int Start, int End, string Type)
{
    public int Length => End - Start;
}
