namespace Caduceus.Detection.Injection.Normalization;

/// <summary>What <see cref="UnicodeFolding.Fold"/> made of a text.</summary>
/// <param name="Text">The folded text; equal to the input when nothing changed.</param>
/// <param name="Evasions">Techniques seen.</param>
/// <param name="Spans">Where each technique was seen in the input, indexed by the flag's bit number.</param>
/// <param name="TagText">The ASCII hidden in tag characters, or null.</param>
/// <param name="VariationSelectorText">The text hidden in variation-selector runs (one line per run), or null.</param>
internal sealed record UnicodeFoldResult(
    string Text,
    EvasionTechniques Evasions,
    (int Start, int End)[] Spans,
    string? TagText,
    string? VariationSelectorText)
{
    /// <summary>Slots in <see cref="Spans"/>: one per <see cref="EvasionTechniques"/> flag.</summary>
    public const int SpanSlots = 8;
}
