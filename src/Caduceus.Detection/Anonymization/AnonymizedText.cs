namespace Caduceus.Detection.Anonymization;

/// <summary>The result of <see cref="AnonymizerEngine.Anonymize"/>: the new text and what was replaced where.</summary>
/// <param name="Text">The anonymized text.</param>
/// <param name="Spans">The replacements, in text order.</param>
public sealed record AnonymizedText(string Text, IReadOnlyList<AnonymizedSpan> Spans);
