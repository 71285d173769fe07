using System.IO.Compression;
using System.Text;

namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// The trained weights of the PHI tagger: for each hashed feature, one weight per label. Label 0 is "O" (not PHI).
/// Stored as a Brotli-compressed little-endian table (see <see cref="Write"/>); the built-in model is embedded in this
/// assembly and described by its model card, Phi/Learned/Model/README.md. Immutable and thread-safe.
/// </summary>
public sealed class PhiTaggerModel
{
    public const string OutsideLabel = "O";

    private const uint Magic = 0x54504443; // "CDPT"
    private const int FormatVersion = 1;
    private const int MaxWeights = 50_000_000;
    private const string ResourceName = "Caduceus.Detection.Phi.Learned.phi-tagger.bin";

    private static readonly Lazy<PhiTaggerModel> Embedded = new(ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FeatureTable _table;

    internal PhiTaggerModel(IReadOnlyList<string> labels, float recallBias, IReadOnlyDictionary<ulong, float[]> weights)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(weights);
        if (labels.Count < 2 || labels[0] != OutsideLabel)
        {
            throw new ArgumentException("The first label must be 'O', followed by at least one entity type.", nameof(labels));
        }

        if (weights.Values.Any(row => row.Length != labels.Count))
        {
            throw new ArgumentException("Every feature needs one weight per label.", nameof(weights));
        }

        Labels = [.. labels];
        RecallBias = recallBias;
        FeatureCount = weights.Count;
        _table = new FeatureTable([.. weights.Select(pair => (pair.Key, pair.Value))], labels.Count);
    }

    /// <summary>The model embedded in this assembly.</summary>
    public static PhiTaggerModel Default => Embedded.Value;

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Added to every entity label's score before it is compared with "O": above zero trades precision for recall.</summary>
    public float RecallBias { get; }

    public int FeatureCount { get; }

    /// <summary>How long a span <see cref="Score"/> needs: the label count rounded up to whole SIMD vectors.</summary>
    internal int ScoreWidth => _table.Stride;

    /// <summary>Sums the weights of <paramref name="features"/> for each label into the first label-count entries of <paramref name="scores"/>.</summary>
    internal void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[..ScoreWidth].Clear();
        _table.AddTo(features, scores);
    }

    /// <summary>Writes the model; the same model always gives the same bytes.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(Labels.Count);
        foreach (var label in Labels)
        {
            writer.Write(label);
        }

        writer.Write(RecallBias);
        writer.Write(FeatureCount);
        foreach (var (feature, weights) in _table.Entries().OrderBy(entry => entry.Feature))
        {
            writer.Write(feature);
            foreach (var weight in weights)
            {
                writer.Write((Half)weight);
            }
        }
    }

    /// <exception cref="InvalidDataException">The stream is not a model this version can read.</exception>
    public static PhiTaggerModel Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new BinaryReader(brotli, Encoding.UTF8, leaveOpen: true);
            if (reader.ReadUInt32() != Magic || reader.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("Not a PHI tagger model of format version 1.");
            }

            var labelCount = reader.ReadInt32();
            if (labelCount is < 2 or > 64)
            {
                throw new InvalidDataException("The model's label count is out of range.");
            }

            var labels = new string[labelCount];
            for (var i = 0; i < labelCount; i++)
            {
                labels[i] = reader.ReadString();
            }

            var recallBias = reader.ReadSingle();
            var rowCount = reader.ReadInt32();
            if (rowCount < 0 || rowCount > MaxWeights / labelCount)
            {
                throw new InvalidDataException("The model's feature count is out of range.");
            }

            var weights = new Dictionary<ulong, float[]>(rowCount);
            for (var i = 0; i < rowCount; i++)
            {
                var feature = reader.ReadUInt64();
                var row = new float[labelCount];
                for (var label = 0; label < labelCount; label++)
                {
                    row[label] = (float)reader.ReadHalf();
                }

                weights[feature] = row;
            }

            return new PhiTaggerModel(labels, recallBias, weights);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException("The PHI tagger model is truncated or corrupt.", exception);
        }
    }

    private static PhiTaggerModel ReadEmbedded()
    {
        using var stream = typeof(PhiTaggerModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The PHI tagger model is not embedded in the detection assembly.");
        return Read(stream);
    }
}
