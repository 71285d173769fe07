namespace Caduceus.Evaluation.Corpus;

/// <summary>A part of a note that appears with <paramref name="Probability"/>, worded as one of <paramref name="Alternatives"/>.</summary>
/// <param name="Probability">Chance that the section is written at all.</param>
/// <param name="Alternatives">Wordings with <c>{slot}</c> placeholders (see <see cref="NoteRenderer"/>).</param>
internal sealed record NoteSection(double Probability, params string[] Alternatives);
