namespace Caduceus.Detection.Phi.Learned;

/// <summary>A training text for the PHI tagger with its identifiers marked.</summary>
/// <param name="Text">The text.</param>
/// <param name="Spans">Each identifier's UTF-16 start, end (exclusive) and entity type.</param>
public sealed record LabelledText(string Text, IReadOnlyList<LabelledSpan> Spans);

/// <summary>An identifier in a <see cref="LabelledText"/>.</summary>
public readonly record struct LabelledSpan(int Start, int End, string Type);
