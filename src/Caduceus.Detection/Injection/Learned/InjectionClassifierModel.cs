using System.IO.Compression;
using System.Text;

namespace Caduceus.Detection.Injection.Learned;

/// <summary>
/// A logistic regression over <see cref="TextFeatures"/> of a text's segments: the probability that a text is an
/// injection or jailbreak.
/// The bias is set so that 0.5 is the decision threshold chosen on development data. Stored Brotli-compressed (only
/// non-zero weights, half precision); the built-in ones (direct and
/// indirect) are embedded and described in Injection/Learned/Model/README.md.
/// Immutable and thread-safe.
/// </summary>
public sealed class InjectionClassifierModel
{
    private const uint Magic = 0x4A494443; // "CDIJ"
    private const int FormatVersion = 1;
    private const string ResourcePrefix = "Caduceus.Detection.Injection.Learned.";

    private static readonly Lazy<InjectionClassifierModel> EmbeddedDirect = new(() => ReadEmbedded("injection-direct.bin"), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<InjectionClassifierModel> EmbeddedIndirect = new(() => ReadEmbedded("injection-indirect.bin"), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly float[] _weights;

    internal InjectionClassifierModel(float[] weights, float bias)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != TextFeatures.Dimension)
        {
            throw new ArgumentException($"The model needs {TextFeatures.Dimension} weights.", nameof(weights));
        }

        _weights = weights;
        Bias = bias;
    }

    /// <summary>The built-in model for what people type: chat messages and prompts (direct injection and jailbreaks).</summary>
    public static InjectionClassifierModel Direct => EmbeddedDirect.Value;

    /// <summary>The built-in model for what the model reads: tool results and documents (indirect injection).</summary>
    public static InjectionClassifierModel Indirect => EmbeddedIndirect.Value;

    public float Bias { get; }

    public int NonZeroWeights => _weights.Count(w => w != 0);

    /// <summary>
    /// The probability that <paramref name="text"/> is an attack: the highest of its segments' probabilities (see
    /// <see cref="TextSegments"/>), so that one smuggled sentence is enough.
    /// </summary>
    public double Score(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var best = double.NegativeInfinity;
        foreach (var segment in TextSegments.Split(text.Length > TextFeatures.MaxCharacters ? text[..TextFeatures.MaxCharacters] : text))
        {
            using var features = TextFeatures.Compute(segment);
            best = Math.Max(best, Margin(features));
        }

        return double.IsNegativeInfinity(best) ? 0 : Sigmoid(best);
    }

    internal double Margin(SparseFeatures features)
    {
        double sum = Bias;
        var indices = features.Indices;
        var values = features.Values;
        for (var i = 0; i < indices.Length; i++)
        {
            sum += _weights[indices[i]] * values[i];
        }

        return sum;
    }

    /// <summary>The same weights with the bias moved so that a probability of <paramref name="threshold"/> becomes 0.5.</summary>
    public InjectionClassifierModel WithDecisionThreshold(double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(threshold, 1);
        return new InjectionClassifierModel(_weights, (float)(Bias - Math.Log(threshold / (1 - threshold))));
    }

    internal static double Sigmoid(double margin) => 1 / (1 + Math.Exp(-margin));

    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(TextFeatures.Bits);
        writer.Write(Bias);
        writer.Write(NonZeroWeights);
        for (var i = 0; i < _weights.Length; i++)
        {
            if (_weights[i] != 0)
            {
                writer.Write(i);
                writer.Write((Half)_weights[i]);
            }
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a model this version can read.</exception>
    public static InjectionClassifierModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion || reader.ReadInt32() != TextFeatures.Bits)
            {
                throw new InvalidDataException("Not an injection classifier model of format version 1.");
            }

            var bias = reader.ReadSingle();
            var count = reader.ReadInt32();
            if (count < 0 || count > TextFeatures.Dimension)
            {
                throw new InvalidDataException("The model's weight count is out of range.");
            }

            var weights = new float[TextFeatures.Dimension];
            for (var k = 0; k < count; k++)
            {
                var index = reader.ReadInt32();
                if ((uint)index >= TextFeatures.Dimension)
                {
                    throw new InvalidDataException("A weight index is out of range.");
                }

                weights[index] = (float)reader.ReadHalf();
            }

            return new InjectionClassifierModel(weights, bias);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or InvalidOperationException)
        {
            throw new InvalidDataException("The injection classifier model is truncated or corrupt.", exception);
        }
    }

    private static InjectionClassifierModel ReadEmbedded(string fileName)
    {
        using var stream = typeof(InjectionClassifierModel).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"The injection classifier model '{fileName}' is not embedded in the detection assembly.");
        return Read(stream);
    }
}
