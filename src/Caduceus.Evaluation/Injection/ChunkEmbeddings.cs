using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caduceus.Detection.Injection.Embeddings;

namespace Caduceus.Evaluation.Injection;

/// <summary>
/// Embeds many texts for training and evaluation: chunk vectors per text (<see cref="SentenceEncoder.EmbedChunks"/>),
/// computed on every core, optionally remembered in a cache file keyed by each text's SHA-256 so that a second run over
/// the same texts (another threshold, another regularization) does not embed them again. The cache holds vectors, never
/// text.
/// </summary>
public sealed class ChunkEmbeddings
{
    private const uint Magic = 0x4843_4443; // "CDCH"

    private readonly SentenceEncoder _encoder;
    private readonly string? _cachePath;
    private readonly ConcurrentDictionary<string, float[][]> _cache = new(StringComparer.Ordinal);

    /// <param name="encoder">The encoder; the cache is only valid for one encoder and chunking.</param>
    /// <param name="cachePath">A cache file to read now and <see cref="Save"/> to; null for none.</param>
    /// <exception cref="InvalidDataException">The cache file is not one this type wrote.</exception>
    public ChunkEmbeddings(SentenceEncoder encoder, string? cachePath = null)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        _encoder = encoder;
        _cachePath = cachePath;
        if (cachePath is not null && File.Exists(cachePath))
        {
            Load(cachePath);
        }
    }

    /// <summary>The chunk vectors of each text, in the order given, chunked with <paramref name="segmentLength"/> (see <see cref="SentenceEncoder.EmbedChunks"/>).</summary>
    public float[][][] Embed(IReadOnlyList<string> texts, int segmentLength, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][][];
        var done = 0;
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            result[i] = _cache.GetOrAdd(Key(texts[i], segmentLength), _ => _encoder.EmbedChunks(texts[i], segmentLength));
            progress?.Invoke(Interlocked.Increment(ref done));
        });
        return result;
    }

    /// <summary>Writes every vector computed or read so far to the cache file, if there is one.</summary>
    public void Save()
    {
        if (_cachePath is null)
        {
            return;
        }

        using var file = File.Create(_cachePath);
        using var writer = new BinaryWriter(file);
        writer.Write(Magic);
        writer.Write(_cache.Count);
        foreach (var (key, vectors) in _cache.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.Write(key);
            writer.Write(vectors.Length);
            foreach (var vector in vectors)
            {
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }
    }

    private void Load(string path)
    {
        using var file = File.OpenRead(path);
        using var reader = new BinaryReader(file);
        try
        {
            if (reader.ReadUInt32() != Magic)
            {
                throw new InvalidDataException($"{path} is not an embedding cache.");
            }

            var count = reader.ReadInt32();
            for (var k = 0; k < count; k++)
            {
                var key = reader.ReadString();
                var vectors = new float[reader.ReadInt32()][];
                for (var v = 0; v < vectors.Length; v++)
                {
                    vectors[v] = new float[SentenceEncoder.Dimension];
                    for (var d = 0; d < SentenceEncoder.Dimension; d++)
                    {
                        vectors[v][d] = reader.ReadSingle();
                    }
                }

                _cache[key] = vectors;
            }
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"The embedding cache {path} is truncated.", exception);
        }
    }

    private static string Key(string text, int segmentLength) =>
        string.Create(CultureInfo.InvariantCulture, $"{segmentLength}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}");
}
