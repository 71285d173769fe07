namespace Caduceus.Detection;

/// <summary>
/// Something a detector saw in a text: what it is, where it is, how sure the detector is, and why.
/// A finding never decides anything; policy does.
/// </summary>
/// <param name="EntityType">One of <see cref="EntityTypes"/>.</param>
/// <param name="Category">PHI or an attack on the model.</param>
/// <param name="Start">Offset of the first character in the inspected text.</param>
/// <param name="Length">Number of characters covered; zero for findings about the text as a whole.</param>
/// <param name="Score">Confidence in [0, 1].</param>
/// <param name="Detector">Name of the detector that made the finding.</param>
/// <param name="Explanation">Why, in words that never contain the matched value.</param>
public sealed record Finding(
    string EntityType,
    FindingCategory Category,
    int Start,
    int Length,
    double Score,
    string Detector,
    string Explanation)
{
    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>True when the two findings share at least one character.</summary>
    public bool Overlaps(Finding other) => Start < other.End && other.Start < End;
}
