using Caduceus.Detection;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Metrics;

/// <summary>Runs an analyzer over evaluation documents (as user text) and scores its findings at the token level.</summary>
public static class PhiEvaluator
{
    /// <param name="documents">The documents to score.</param>
    /// <param name="analyzer">Usually <see cref="TextAnalyzer.CreateDefault()"/>.</param>
    /// <param name="minimumScore">Findings scored below this are ignored.</param>
    /// <param name="progress">Called after each document with the number done so far.</param>
    /// <exception cref="DetectionFailedException">A detector failed (e.g. a regex timed out) on one document.</exception>
    public static PhiEvaluationReport Evaluate(
        IEnumerable<PhiDocument> documents,
        ITextAnalyzer analyzer,
        double minimumScore = 0.5,
        Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(analyzer);

        var scorer = new PhiTokenScorer(minimumScore);
        var done = 0;
        foreach (var document in documents)
        {
            IReadOnlyList<Finding> findings;
            try
            {
                findings = analyzer.Analyze(new DetectionInput(document.Text, TextSource.User));
            }
            catch (Exception exception) when (exception is System.Text.RegularExpressions.RegexMatchTimeoutException or InvalidOperationException)
            {
                throw new DetectionFailedException(document.File, document.LineNumber, exception);
            }

            scorer.Add(document, findings);
            progress?.Invoke(++done);
        }

        return scorer.Report();
    }
}
