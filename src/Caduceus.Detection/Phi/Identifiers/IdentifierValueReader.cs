namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>Reads a value of a form only some labels take (a licence plate's two groups) at <paramref name="start"/>.</summary>
/// <param name="text">The text.</param>
/// <param name="start">Where the value should start, after the label and its gap.</param>
/// <param name="value">The value read.</param>
/// <returns>False when no value of that form starts there; the generic reader then tries.</returns>
internal delegate bool IdentifierValueReader(ReadOnlySpan<char> text, int start, out IdentifierValue value);
