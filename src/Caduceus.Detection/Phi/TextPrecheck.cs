namespace Caduceus.Detection.Phi;

/// <summary>
/// A quick test on the whole text, run before a pattern's regex: false means the pattern cannot match anywhere in it,
/// so the scan is skipped. Must never return false for a text the pattern could match.
/// </summary>
/// <param name="text">The whole inspected text.</param>
internal delegate bool TextPrecheck(ReadOnlySpan<char> text);
