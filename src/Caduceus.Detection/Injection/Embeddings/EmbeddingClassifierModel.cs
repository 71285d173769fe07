using System.Text;

namespace Caduceus.Detection.Injection.Embeddings;

/// <summary>
/// A logistic regression over <see cref="SentenceEncoder"/> vectors: the probability that a text is an injection or
/// jailbreak is the highest of its chunks' probabilities, so that one smuggled instruction is enough. The bias is set
/// so that 0.5 is the decision threshold chosen on development data. The built-in models (direct and indirect) are
/// embedded and described in Injection/Embeddings/Model/README.md. Immutable and thread-safe.
/// </summary>
public sealed class EmbeddingClassifierModel
{
    private const uint Magic = 0x4D45_4443; // "CDEM"
    private const int FormatVersion = 1;
    private const string ResourcePrefix = "Caduceus.Detection.Injection.Embeddings.";

    private static readonly Lazy<EmbeddingClassifierModel> EmbeddedDirect = new(() => ReadEmbedded("injection-embedding-direct.bin"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<EmbeddingClassifierModel> EmbeddedIndirect = new(() => ReadEmbedded("injection-embedding-indirect.bin"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly float[] _weights;

    internal EmbeddingClassifierModel(float[] weights, float bias, int segmentLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(segmentLength);
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != SentenceEncoder.Dimension)
        {
            throw new ArgumentException($"The model needs {SentenceEncoder.Dimension} weights.", nameof(weights));
        }

        _weights = weights;
        Bias = bias;
        SegmentLength = segmentLength;
    }

    /// <summary>The built-in model for what people type: chat messages (direct injection and jailbreaks).</summary>
    public static EmbeddingClassifierModel Direct => EmbeddedDirect.Value;

    /// <summary>The built-in model for what the model reads: tool results and documents (indirect injection).</summary>
    public static EmbeddingClassifierModel Indirect => EmbeddedIndirect.Value;

    public float Bias { get; }

    /// <summary>The segment length the model was trained on (see <see cref="SentenceEncoder.EmbedChunks"/>): texts are chunked the same way to be scored.</summary>
    public int SegmentLength { get; }

    /// <summary>The highest chunk probability; 0 for a text with no chunks.</summary>
    public double Score(IReadOnlyList<float[]> chunkVectors)
    {
        ArgumentNullException.ThrowIfNull(chunkVectors);
        var best = double.NegativeInfinity;
        foreach (var vector in chunkVectors)
        {
            best = Math.Max(best, Margin(vector));
        }

        return double.IsNegativeInfinity(best) ? 0 : Sigmoid(best);
    }

    internal double Margin(ReadOnlySpan<float> vector)
    {
        if (vector.Length != _weights.Length)
        {
            throw new ArgumentException($"An embedding has {SentenceEncoder.Dimension} components.", nameof(vector));
        }

        double sum = Bias;
        for (var i = 0; i < _weights.Length; i++)
        {
            sum += _weights[i] * vector[i];
        }

        return sum;
    }

    /// <summary>The same weights with the bias moved so that a probability of <paramref name="threshold"/> becomes 0.5.</summary>
    public EmbeddingClassifierModel WithDecisionThreshold(double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threshold, 1);
        return new EmbeddingClassifierModel(_weights, (float)(Bias - Math.Log(threshold / (1 - threshold))), SegmentLength);
    }

    internal static double Sigmoid(double margin) => 1 / (1 + Math.Exp(-margin));

    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(_weights.Length);
        writer.Write(SegmentLength);
        writer.Write(Bias);
        foreach (var weight in _weights)
        {
            writer.Write(weight);
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a model this version can read.</exception>
    public static EmbeddingClassifierModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("Not an embedding injection classifier model of format version 1.");
            }

            if (reader.ReadInt32() != SentenceEncoder.Dimension)
            {
                throw new InvalidDataException($"The embedding classifier model is not for {SentenceEncoder.Dimension}-dimensional vectors.");
            }

            var segmentLength = reader.ReadInt32();
            if (segmentLength is < 0 or > 100_000)
            {
                throw new InvalidDataException("The embedding classifier model's segment length is out of range.");
            }

            var bias = reader.ReadSingle();
            var weights = new float[SentenceEncoder.Dimension];
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] = reader.ReadSingle();
            }

            if (!float.IsFinite(bias) || !weights.All(float.IsFinite))
            {
                throw new InvalidDataException("The embedding classifier model holds a weight that is not a finite number.");
            }

            return new EmbeddingClassifierModel(weights, bias, segmentLength);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The embedding classifier model is truncated.", exception);
        }
    }

    private static EmbeddingClassifierModel ReadEmbedded(string fileName)
    {
        using var stream = typeof(EmbeddingClassifierModel).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The embedding classifier model '{fileName}' is not embedded in the detection assembly.");
        return Read(stream);
    }
}
