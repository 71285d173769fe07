using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Corpus;

/// <summary>A generated document and the kind of note it imitates.</summary>
public sealed record SyntheticDocument(PhiDocument Document, string Kind);
