using Caduceus.Detection;
using Caduceus.Evaluation.Data;

namespace Caduceus.Evaluation.Metrics;

/// <summary>
/// Accumulates token-level counts document by document. A token is gold PHI of type T when it overlaps (shares a
/// character with) a gold span of type T, and predicted as T when it overlaps a PHI finding of type T scored at or
/// above the minimum. A token can carry several types at once; injection findings are ignored. Not thread-safe.
/// </summary>
public sealed class PhiTokenScorer
{
    // Types get bit positions in the order first seen, Safe Harbor order first, so masks stay one ulong per token.
    private readonly List<string> _types = [.. EntityTypes.Phi];
    private readonly Dictionary<string, int> _typeBits = new(StringComparer.Ordinal);
    private readonly List<TokenCounts> _perType = [];
    private TokenCounts _overall;
    private long _documents;
    private long _tokens;
    private long _characters;

    /// <param name="minimumScore">Findings scored below this are ignored (the default policy threshold is 0.5).</param>
    public PhiTokenScorer(double minimumScore = 0.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumScore);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minimumScore, 1.0);
        MinimumScore = minimumScore;
        for (var i = 0; i < _types.Count; i++)
        {
            _typeBits[_types[i]] = i;
            _perType.Add(default);
        }
    }

    public double MinimumScore { get; }

    /// <summary>Counts the tokens of <paramref name="document"/> against <paramref name="findings"/> on its text.</summary>
    public void Add(PhiDocument document, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(findings);

        var tokens = TextTokenizer.Tokenize(document.Text);
        var gold = new ulong[tokens.Count];
        var predicted = new ulong[tokens.Count];
        foreach (var span in document.Spans)
        {
            Mark(tokens, gold, span.Start, span.End, Bit(span.Type));
        }

        foreach (var finding in findings)
        {
            if (finding.Category == FindingCategory.Phi && finding.Score >= MinimumScore && finding.Length > 0)
            {
                Mark(tokens, predicted, finding.Start, finding.End, Bit(finding.EntityType));
            }
        }

        for (var t = 0; t < tokens.Count; t++)
        {
            var isGold = gold[t] != 0;
            var isPredicted = predicted[t] != 0;
            _overall += new TokenCounts(isGold ? 1 : 0, isGold && isPredicted ? 1 : 0, isPredicted ? 1 : 0, isGold && isPredicted ? 1 : 0);
            var either = gold[t] | predicted[t];
            while (either != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(either);
                either &= either - 1;
                var mask = 1UL << bit;
                var isGoldOfType = (gold[t] & mask) != 0;
                var isPredictedOfType = (predicted[t] & mask) != 0;
                _perType[bit] += new TokenCounts(
                    isGoldOfType ? 1 : 0,
                    isGoldOfType && isPredicted ? 1 : 0,
                    isPredictedOfType ? 1 : 0,
                    isPredictedOfType && isGold ? 1 : 0);
            }
        }

        _documents++;
        _tokens += tokens.Count;
        _characters += document.Text.Length;
    }

    /// <summary>The counts so far. Per type: every type that occurred in gold spans or counted findings.</summary>
    public PhiEvaluationReport Report()
    {
        var perType = new Dictionary<string, TokenCounts>(StringComparer.Ordinal);
        for (var i = 0; i < _types.Count; i++)
        {
            if (_perType[i] != default)
            {
                perType[_types[i]] = _perType[i];
            }
        }

        return new PhiEvaluationReport(_documents, _tokens, _characters, MinimumScore, _overall, perType);
    }

    private int Bit(string type)
    {
        if (_typeBits.TryGetValue(type, out var bit))
        {
            return bit;
        }

        if (_types.Count == 64)
        {
            throw new InvalidOperationException("More than 64 entity types occurred; the scorer tracks at most 64.");
        }

        bit = _types.Count;
        _types.Add(type);
        _typeBits[type] = bit;
        _perType.Add(default);
        return bit;
    }

    // Tokens are sorted and disjoint: find the first that ends after start, then mark until one starts at or after end.
    private static void Mark(List<TextToken> tokens, ulong[] masks, int start, int end, int bit)
    {
        int low = 0, high = tokens.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (tokens[middle].End <= start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        for (var t = low; t < tokens.Count && tokens[t].Start < end; t++)
        {
            masks[t] |= 1UL << bit;
        }
    }
}
