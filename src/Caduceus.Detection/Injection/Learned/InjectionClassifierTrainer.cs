namespace Caduceus.Detection.Injection.Learned;

/// <summary>
/// Trains <see cref="InjectionClassifierModel"/>: logistic regression over text segments by stochastic gradient
/// descent with AdaGrad step sizes and L2 regularization, the two classes weighted equally however unbalanced the
/// data, visiting the segments in a seeded order. Every segment of a benign text is a negative. A segment of an attack
/// that also occurs in a benign text (the clean document an instruction was smuggled into) is not evidence of the
/// attack and is left out; the other segments of the attack are positives. Deterministic: the same data and options
/// give the same model.
/// </summary>
public static class InjectionClassifierTrainer
{
    public static InjectionClassifierModel Train(IReadOnlyList<(string Text, bool IsAttack)> texts, InjectionTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        var attacks = texts.Count(t => t.IsAttack);
        if (attacks == 0 || attacks == texts.Count)
        {
            throw new ArgumentException("Training needs both attacks and benign texts.", nameof(texts));
        }

        var benignSegments = texts.Where(t => !t.IsAttack).SelectMany(t => TextSegments.Split(t.Text)).ToHashSet(StringComparer.Ordinal);
        var segments = new List<(string Text, bool IsAttack)>();
        foreach (var (text, isAttack) in texts)
        {
            var parts = TextSegments.Split(text);
            var evidence = isAttack ? parts.Where(part => !benignSegments.Contains(part)).ToList() : parts;
            segments.AddRange((evidence.Count > 0 ? evidence : parts).Select(part => (part, isAttack)));
        }

        var examples = segments.Select(t => (Features: TextFeatures.Extract(t.Text), t.IsAttack)).ToArray();
        var positives = segments.Count(s => s.IsAttack);
        var attackWeight = segments.Count / (2.0 * positives);
        var benignWeight = segments.Count / (2.0 * (segments.Count - positives));
        var weights = new double[TextFeatures.Dimension];
        var squaredGradients = new double[TextFeatures.Dimension];
        double bias = 0, biasSquaredGradient = 0;
        var order = Enumerable.Range(0, examples.Length).ToArray();
        var shuffle = new SeededShuffle(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            shuffle.Shuffle(order);
            foreach (var e in order)
            {
                var (features, isAttack) = examples[e];
                var margin = bias;
                foreach (var (index, value) in features)
                {
                    margin += weights[index] * value;
                }

                var error = (1 / (1 + Math.Exp(-margin))) - (isAttack ? 1 : 0);
                var scale = error * (isAttack ? attackWeight : benignWeight);
                foreach (var (index, value) in features)
                {
                    var gradient = (scale * value) + (options.L2 * weights[index]);
                    squaredGradients[index] += gradient * gradient;
                    weights[index] -= options.LearningRate * gradient / (Math.Sqrt(squaredGradients[index]) + 1e-8);
                }

                biasSquaredGradient += scale * scale;
                bias -= options.LearningRate * scale / (Math.Sqrt(biasSquaredGradient) + 1e-8);
            }
        }

        return new InjectionClassifierModel([.. weights.Select(w => Math.Abs(w) < 1e-4 ? 0f : (float)w)], (float)bias);
    }
}

/// <summary>How <see cref="InjectionClassifierTrainer"/> trains.</summary>
public sealed record InjectionTrainingOptions
{
    public int Epochs { get; init; } = 8;

    public double LearningRate { get; init; } = 0.5;

    public double L2 { get; init; } = 1e-6;

    public ulong Seed { get; init; } = 20261128;
}
