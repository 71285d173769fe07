namespace Caduceus.Evaluation.Corpus;

/// <summary>A made-up person of the corpus.</summary>
internal sealed record Person(string Given, string Family, char MiddleInitial);
