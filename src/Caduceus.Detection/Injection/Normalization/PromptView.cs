namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// One text derived from a prompt for detectors to scan, and the part of the prompt it stands for. Offsets inside a
/// derived text do not map back to the prompt, so a match in it is reported over <see cref="Start"/> to
/// <see cref="End"/>: the encoded segment it was decoded from, or the whole prompt.
/// </summary>
/// <param name="Text">The derived text. May contain the user's words: never log it or put it in an explanation.</param>
/// <param name="Kind">The last step that produced it.</param>
/// <param name="Depth">
/// Decodings (base64, hex, URL, rot13, hidden characters) between the prompt and this text; 0 for a folding of the
/// prompt itself (Unicode, leetspeak).
/// </param>
/// <param name="Start">Offset in the prompt of the first character this text stands for.</param>
/// <param name="End">Offset in the prompt one past the last.</param>
internal readonly record struct PromptView(string Text, PromptViewKind Kind, int Depth, int Start, int End)
{
    /// <summary>True when the text was decoded, not only folded: what it says was hidden on purpose.</summary>
    public bool IsDecoded => Depth > 0;
}
