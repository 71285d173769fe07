using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// Trains the PHI tagger: a greedy left-to-right averaged perceptron (Collins 2002). Each pass visits the texts in a
/// seeded order; at each word the tagger predicts with the labels it gave the previous words, and when it is wrong the
/// features' weights move towards the gold label and away from the guess. The model keeps every weight's average over
/// all steps, which generalizes far better than the last value. Deterministic: the same data, options and seed give
/// byte-identical models.
/// </summary>
public static class PhiTaggerTrainer
{
    /// <summary>Trains a model on <paramref name="texts"/>. Labels are "O" then every entity type seen, in ordinal order.</summary>
    /// <param name="texts">The training texts with their identifiers marked.</param>
    /// <param name="options">Passes, seed, recall bias and pruning.</param>
    /// <param name="progress">Told after each pass: the pass number and the fraction of words labelled correctly in it.</param>
    public static PhiTaggerModel Train(IReadOnlyList<LabelledText> texts, PhiTaggerTrainingOptions options, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Epochs, 1);

        var labels = new List<string> { PhiTaggerModel.OutsideLabel };
        labels.AddRange(texts.SelectMany(text => text.Spans).Select(span => span.Type).Distinct().Order(StringComparer.Ordinal));
        if (labels.Count < 2)
        {
            throw new ArgumentException("The training texts mark no identifier: there is nothing to learn.", nameof(texts));
        }

        var labelOf = labels.Select((label, index) => (label, index)).ToDictionary(pair => pair.label, pair => pair.index, StringComparer.Ordinal);
        var lexicon = NameLexicon.Default;
        var documents = texts.Select(text => new TaggerDocument(text.Text, lexicon)).ToArray();
        var gold = texts.Select((text, i) => GoldLabels(documents[i], text.Spans, labelOf)).ToArray();

        var weights = new AveragedWeights(labels.Count);
        var order = Enumerable.Range(0, documents.Length).ToArray();
        var shuffle = new SeededShuffle(options.Seed);
        Span<ulong> features = stackalloc ulong[TaggerDocument.MaxFeatures];
        Span<float> scores = stackalloc float[labels.Count];
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            long correct = 0, total = 0;
            foreach (var d in order)
            {
                var document = documents[d];
                int previous = 0, secondPrevious = 0;
                for (var i = 0; i < document.Count; i++)
                {
                    var count = document.Features(i, previous, secondPrevious, features);
                    weights.Score(features[..count], scores);
                    var guess = ArgMax(scores);
                    var truth = gold[d][i];
                    if (guess != truth)
                    {
                        weights.Update(features[..count], truth, guess);
                    }
                    else
                    {
                        correct++;
                    }

                    weights.Tick();
                    total++;
                    secondPrevious = previous;
                    previous = guess;
                }
            }

            progress?.Invoke(epoch, total == 0 ? 1 : (double)correct / total);
        }

        return new PhiTaggerModel(labels, options.RecallBias, weights.Averaged(options.PruneBelow));
    }

    private static int[] GoldLabels(TaggerDocument document, IReadOnlyList<LabelledSpan> spans, Dictionary<string, int> labelOf)
    {
        var result = new int[document.Count];
        foreach (var span in spans)
        {
            for (var i = 0; i < document.Count; i++)
            {
                var token = document.Tokens[i];
                if (token.Start < span.End && span.Start < token.End && result[i] == 0)
                {
                    result[i] = labelOf[span.Type];
                }
            }
        }

        return result;
    }

    private static int ArgMax(ReadOnlySpan<float> scores)
    {
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return best;
    }

    // Weights with lazily kept running totals: a weight's total is brought up to date only when it changes.
    private sealed class AveragedWeights(int labelCount)
    {
        private readonly Dictionary<ulong, Row> _rows = [];
        private int _step = 1;

        public void Tick() => _step++;

        public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
        {
            scores.Clear();
            foreach (var feature in features)
            {
                if (_rows.TryGetValue(feature, out var row))
                {
                    for (var label = 0; label < labelCount; label++)
                    {
                        scores[label] += row.Weights[label];
                    }
                }
            }
        }

        public void Update(ReadOnlySpan<ulong> features, int truth, int guess)
        {
            foreach (var feature in features)
            {
                if (!_rows.TryGetValue(feature, out var row))
                {
                    row = new Row(labelCount);
                    _rows.Add(feature, row);
                }

                row.Add(truth, 1, _step);
                row.Add(guess, -1, _step);
            }
        }

        public Dictionary<ulong, float[]> Averaged(float pruneBelow)
        {
            var result = new Dictionary<ulong, float[]>();
            foreach (var (feature, row) in _rows)
            {
                var averaged = new float[labelCount];
                var keep = false;
                for (var label = 0; label < labelCount; label++)
                {
                    var total = row.Totals[label] + ((double)(_step - row.Stamps[label]) * row.Weights[label]);
                    averaged[label] = (float)(total / _step);
                    keep |= Math.Abs(averaged[label]) >= pruneBelow;
                }

                if (keep)
                {
                    result.Add(feature, averaged);
                }
            }

            return result;
        }

        private sealed class Row(int labelCount)
        {
            public float[] Weights { get; } = new float[labelCount];

            public double[] Totals { get; } = new double[labelCount];

            public int[] Stamps { get; } = new int[labelCount];

            public void Add(int label, float delta, int step)
            {
                Totals[label] += (double)(step - Stamps[label]) * Weights[label];
                Stamps[label] = step;
                Weights[label] += delta;
            }
        }
    }
}
