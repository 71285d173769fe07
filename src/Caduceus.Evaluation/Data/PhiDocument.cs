namespace Caduceus.Evaluation.Data;

/// <summary>One evaluation text with its gold spans.</summary>
/// <param name="Id">The line's <c>source</c> field, or <c>FILE#LINE</c> when it has none; unique within a data set.</param>
/// <param name="File">Name of the file the document was read from (for messages), or a label for generated ones.</param>
/// <param name="LineNumber">One-based line in <paramref name="File"/>.</param>
/// <param name="Text">The text the detectors see.</param>
/// <param name="Spans">Gold spans in UTF-16 indices, ordered by start.</param>
public sealed record PhiDocument(string Id, string File, int LineNumber, string Text, IReadOnlyList<GoldSpan> Spans);
