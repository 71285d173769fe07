namespace Caduceus.Evaluation.Corpus;

/// <summary>A kind of document (a discharge summary, a phone call) as a sequence of optional sections.</summary>
/// <param name="Kind">Written to the corpus as the document's <c>kind</c>.</param>
/// <param name="Weight">Relative frequency among the kinds.</param>
/// <param name="Sections">Written in order, each separated by a line break.</param>
internal sealed record NoteTemplate(string Kind, int Weight, NoteSection[] Sections);
