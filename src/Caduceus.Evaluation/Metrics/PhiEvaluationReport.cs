namespace Caduceus.Evaluation.Metrics;

/// <summary>Token-level recall and precision of the detectors over a set of documents.</summary>
/// <param name="Documents">Documents evaluated.</param>
/// <param name="Tokens">Tokens in those documents (see <see cref="TextTokenizer"/>).</param>
/// <param name="Characters">UTF-16 characters in those documents.</param>
/// <param name="MinimumScore">Findings scored below this were ignored.</param>
/// <param name="Overall">Type-agnostic counts: a token is PHI if any gold span covers it, predicted if any counted finding does.</param>
/// <param name="PerType">Counts per entity type (see <see cref="TokenCounts"/>), for every type in the gold data or the findings.</param>
public sealed record PhiEvaluationReport(
    long Documents,
    long Tokens,
    long Characters,
    double MinimumScore,
    TokenCounts Overall,
    IReadOnlyDictionary<string, TokenCounts> PerType);
