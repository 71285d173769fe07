using Caduceus.Detection.Injection.Learned;

namespace Caduceus.Detection.Injection.Embeddings;

/// <summary>
/// Trains <see cref="EmbeddingClassifierModel"/>: logistic regression over the chunk vectors of text segments, by
/// stochastic gradient descent with AdaGrad step sizes and L2 regularization, the two classes weighted equally,
/// visiting the examples in a seeded order. Every segment of a benign text is a negative; a segment of an attack that
/// also occurs in a benign text (the clean document an instruction was smuggled into) is left out. Then, because an
/// attack is often one sentence in an ordinary document, a few rounds of multiple-instance learning: each attack keeps
/// as positive only its segment the previous model scores highest (on BIPIA's development part this lifted the ROC
/// AUC from 0.81 to 0.97). Deterministic: the same data, vectors and options give the same model.
/// </summary>
public static class EmbeddingClassifierTrainer
{
    /// <summary>The segments each text is trained on, with the index of the text it comes from.</summary>
    public static List<TrainingSegment> Segments(IReadOnlyList<(string Text, bool IsAttack)> texts, int segmentLength)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var benignSegments = texts.Where(t => !t.IsAttack).SelectMany(t => TextSegments.Split(t.Text, segmentLength)).ToHashSet(StringComparer.Ordinal);
        var segments = new List<TrainingSegment>();
        for (var i = 0; i < texts.Count; i++)
        {
            var (text, isAttack) = texts[i];
            var parts = TextSegments.Split(text, segmentLength);
            var evidence = isAttack ? parts.Where(part => !benignSegments.Contains(part)).ToList() : parts;
            segments.AddRange((evidence.Count > 0 ? evidence : parts).Select(part => new TrainingSegment(part, i, isAttack)));
        }

        return segments;
    }

    /// <param name="segments">From <see cref="Segments"/>.</param>
    /// <param name="vectors">The chunk vectors of each segment, same order.</param>
    /// <param name="segmentLength">The segment length the segments were cut with (stored in the model).</param>
    /// <param name="options">Epochs, step size, regularization, rounds and seed.</param>
    public static EmbeddingClassifierModel Train(IReadOnlyList<TrainingSegment> segments, IReadOnlyList<float[][]> vectors, int segmentLength, EmbeddingTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(options);
        if (segments.Count != vectors.Count)
        {
            throw new ArgumentException("Every segment needs its vectors.", nameof(vectors));
        }

        var model = Fit(Examples(segments, vectors, _ => true), segmentLength, options);
        for (var round = 0; round < options.InstanceRounds; round++)
        {
            var best = new Dictionary<int, (int Segment, double Score)>();
            for (var s = 0; s < segments.Count; s++)
            {
                if (segments[s].IsAttack)
                {
                    var score = model.Score(vectors[s]);
                    if (!best.TryGetValue(segments[s].Text, out var current) || score > current.Score)
                    {
                        best[segments[s].Text] = (s, score);
                    }
                }
            }

            model = Fit(Examples(segments, vectors, s => !segments[s].IsAttack || best[segments[s].Text].Segment == s), segmentLength, options);
        }

        return model;
    }

    private static List<(float[] Vector, bool IsAttack)> Examples(IReadOnlyList<TrainingSegment> segments, IReadOnlyList<float[][]> vectors, Func<int, bool> keep)
    {
        var examples = new List<(float[], bool)>();
        for (var s = 0; s < segments.Count; s++)
        {
            if (keep(s))
            {
                examples.AddRange(vectors[s].Select(v => (v, segments[s].IsAttack)));
            }
        }

        return examples;
    }

    private static EmbeddingClassifierModel Fit(List<(float[] Vector, bool IsAttack)> examples, int segmentLength, EmbeddingTrainingOptions options)
    {
        var positives = examples.Count(e => e.IsAttack);
        if (positives == 0 || positives == examples.Count)
        {
            throw new ArgumentException("Training needs both attacks and benign texts.", nameof(examples));
        }

        var attackWeight = examples.Count / (2.0 * positives);
        var benignWeight = examples.Count / (2.0 * (examples.Count - positives));
        var dimension = SentenceEncoder.Dimension;
        var weights = new double[dimension];
        var squaredGradients = new double[dimension];
        double bias = 0, biasSquaredGradient = 0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var shuffle = new SeededShuffle(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            foreach (var e in order)
            {
                var (vector, isAttack) = examples[e];
                var margin = bias;
                for (var i = 0; i < dimension; i++)
                {
                    margin += weights[i] * vector[i];
                }

                var error = (1 / (1 + Math.Exp(-margin))) - (isAttack ? 1 : 0);
                var scale = error * (isAttack ? attackWeight : benignWeight);
                for (var i = 0; i < dimension; i++)
                {
                    var gradient = (scale * vector[i]) + (options.L2 * weights[i]);
                    squaredGradients[i] += gradient * gradient;
                    weights[i] -= options.LearningRate * gradient / (Math.Sqrt(squaredGradients[i]) + 1e-8);
                }

                biasSquaredGradient += scale * scale;
                bias -= options.LearningRate * scale / (Math.Sqrt(biasSquaredGradient) + 1e-8);
            }
        }

        return new EmbeddingClassifierModel([.. weights.Select(w => (float)w)], (float)bias, segmentLength);
    }
}

/// <summary>A segment of a training text: its text, the index of the text it comes from, and that text's label.</summary>
public sealed record TrainingSegment(string Segment, int Text, bool IsAttack);

/// <summary>How <see cref="EmbeddingClassifierTrainer"/> trains.</summary>
public sealed record EmbeddingTrainingOptions
{
    public int Epochs { get; init; } = 10;

    public double LearningRate { get; init; } = 0.05;

    public double L2 { get; init; } = 1e-5;

    /// <summary>Multiple-instance rounds after the first fit (0: every evidence segment of an attack stays positive).</summary>
    public int InstanceRounds { get; init; } = 2;

    public ulong Seed { get; init; } = 20261128;
}
