namespace Caduceus.Detection.Phi.Spoken;

/// <summary>One piece of a spoken identifier: where it is in the text and which characters it stands for.</summary>
/// <param name="Start">Offset of its first word.</param>
/// <param name="End">Offset one past its last word.</param>
/// <param name="Kind">How it was said.</param>
/// <param name="ValueStart">Where its characters start in the run's value buffer.</param>
/// <param name="ValueLength">How many characters it stands for ("double five": two).</param>
internal readonly record struct SpokenToken(int Start, int End, SpokenTokenKind Kind, int ValueStart, int ValueLength);
