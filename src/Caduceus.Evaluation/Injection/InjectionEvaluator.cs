using System.Text.RegularExpressions;
using Caduceus.Evaluation.Metrics;

namespace Caduceus.Evaluation.Injection;

/// <summary>Scores labelled texts and measures the detector: a text is flagged when its score reaches the threshold.</summary>
public static class InjectionEvaluator
{
    /// <param name="documents">The labelled texts.</param>
    /// <param name="score">The detector's attack score for a text, in [0, 1] (0 when nothing fired).</param>
    /// <param name="threshold">Texts scored at least this are flagged.</param>
    /// <param name="progress">Called after each text with the number done.</param>
    /// <param name="parallel">Score texts on every core (<paramref name="score"/> must be thread-safe).</param>
    public static InjectionEvaluationReport Evaluate(IReadOnlyList<InjectionDocument> documents, Func<InjectionDocument, double> score, double threshold, Action<int>? progress = null, bool parallel = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(score);
        var scores = new double[documents.Count];
        var done = 0;
        try
        {
            Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel ? Environment.ProcessorCount : 1 }, i =>
            {
                scores[i] = ScoreOne(documents[i], score);
                progress?.Invoke(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException exception) when (exception.InnerExceptions.FirstOrDefault(e => e is DetectionFailedException) is { } failed)
        {
            // Parallel.For wraps what a text threw: report the first failed text, as the sequential PHI evaluation does.
            throw failed;
        }

        return Measure(documents, scores, threshold);
    }

    /// <summary>
    /// A detector that cannot finish a text (a pattern over its time limit, as on an overloaded machine) fails the
    /// evaluation naming the text's file and line, never its text: a silently skipped text would bias the figures.
    /// </summary>
    private static double ScoreOne(InjectionDocument document, Func<InjectionDocument, double> score)
    {
        try
        {
            return score(document);
        }
        catch (Exception exception) when (exception is RegexMatchTimeoutException or InvalidOperationException)
        {
            throw new DetectionFailedException(document.File, document.LineNumber, exception);
        }
    }

    /// <summary>The metrics for scores already computed (one per document, same order).</summary>
    public static InjectionEvaluationReport Measure(IReadOnlyList<InjectionDocument> documents, IReadOnlyList<double> scores, double threshold)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(scores);
        int tp = 0, fp = 0, tn = 0, fn = 0;
        var perLabel = InjectionDocument.Labels.ToDictionary(label => label, _ => (Count: 0, Flagged: 0), StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var flagged = scores[i] >= threshold;
            var attack = documents[i].IsAttack;
            (tp, fp, tn, fn) = (attack, flagged) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (false, true) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                (true, false) => (tp, fp, tn, fn + 1),
            };
            var counts = perLabel[documents[i].Label];
            perLabel[documents[i].Label] = (counts.Count + 1, counts.Flagged + (flagged ? 1 : 0));
        }

        var roc = Roc(documents, scores);
        return new InjectionEvaluationReport(
            documents.Count,
            threshold,
            tp,
            fp,
            tn,
            fn,
            Auc(documents, scores),
            perLabel.Where(pair => pair.Value.Count > 0).ToDictionary(pair => pair.Key, pair => new LabelCounts(pair.Value.Count, pair.Value.Flagged), StringComparer.Ordinal),
            roc);
    }

    // The probability that a random attack scores above a random benign text (ties count half): the Mann-Whitney U
    // statistic from average ranks, exact for tied scores.
    private static double Auc(IReadOnlyList<InjectionDocument> documents, IReadOnlyList<double> scores)
    {
        var positives = documents.Count(d => d.IsAttack);
        var negatives = documents.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }

        var order = Enumerable.Range(0, documents.Count).OrderBy(i => scores[i]).ToArray();
        var rankSum = 0.0;
        var k = 0;
        while (k < order.Length)
        {
            var end = k;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[k]])
            {
                end++;
            }

            var averageRank = ((k + end) / 2.0) + 1;
            for (var j = k; j <= end; j++)
            {
                if (documents[order[j]].IsAttack)
                {
                    rankSum += averageRank;
                }
            }

            k = end + 1;
        }

        return (rankSum - (positives * (positives + 1) / 2.0)) / ((double)positives * negatives);
    }

    private static List<RocPoint> Roc(IReadOnlyList<InjectionDocument> documents, IReadOnlyList<double> scores)
    {
        var positives = Math.Max(1, documents.Count(d => d.IsAttack));
        var negatives = Math.Max(1, documents.Count(d => !d.IsAttack));
        var points = new List<RocPoint> { new(double.PositiveInfinity, 0, 0) };
        int tp = 0, fp = 0;
        foreach (var group in Enumerable.Range(0, documents.Count).GroupBy(i => scores[i]).OrderByDescending(g => g.Key))
        {
            foreach (var i in group)
            {
                if (documents[i].IsAttack)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }

            points.Add(new RocPoint(group.Key, (double)fp / negatives, (double)tp / positives));
        }

        return points;
    }
}
