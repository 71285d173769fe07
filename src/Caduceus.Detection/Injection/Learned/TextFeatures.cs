using System.Buffers;
using System.Globalization;
using System.Text;
using Caduceus.Detection.Phi.Learned;

namespace Caduceus.Detection.Injection.Learned;

/// <summary>
/// Turns a text into a sparse vector of hashed n-grams for the injection classifier: word unigrams and bigrams and
/// character 4-grams inside words, of the lower-cased NFKC text, each counted once and the whole vector scaled to unit
/// length. Hashing (signed, into 2^18 buckets) keeps the model a fixed-size array with no vocabulary. Long texts are
/// cut at <see cref="MaxCharacters"/>.
/// </summary>
/// <remarks>
/// Scoring and training share <see cref="Compute"/>, so a model sees at run time exactly the vectors it was trained
/// on. It works in pooled arrays and sorts instead of hashing into dictionaries: the classifier runs on every message.
/// </remarks>
internal static class TextFeatures
{
    public const int Bits = 18;
    public const int Dimension = 1 << Bits;
    public const int MaxCharacters = 16_384;

    private const ulong WordSeed = 0x5A17_0001;
    private const ulong BigramSeed = 0x5A17_0002;
    private const ulong CharSeed = 0x5A17_0003;

    /// <summary>The features of <paramref name="text"/>: bucket index and signed value, buckets ascending and distinct, unit length.</summary>
    public static List<(int Index, float Value)> Extract(string text)
    {
        using var features = Compute(text);
        var list = new List<(int, float)>(features.Count);
        for (var i = 0; i < features.Count; i++)
        {
            list.Add((features.Indices[i], features.Values[i]));
        }

        return list;
    }

    /// <summary>The features of <paramref name="text"/> in pooled arrays; dispose to return them.</summary>
    public static SparseFeatures Compute(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = Normalize(text.Length > MaxCharacters ? text[..MaxCharacters] : text);

        // Every character yields at most a symbol or a character 4-gram, and every word two more hashes.
        var hashes = ArrayPool<ulong>.Shared.Rent((3 * normal.Length) + 1);
        try
        {
            var count = CollectHashes(normal, hashes);
            return ToFeatures(hashes.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    private static int CollectHashes(string normal, ulong[] hashes)
    {
        var count = 0;
        var previousWord = 0UL;
        var i = 0;
        while (i < normal.Length)
        {
            if (!char.IsLetterOrDigit(normal[i]))
            {
                // Punctuation that carries meaning in attacks ("###", "<|", "[INST]") is a word of its own.
                if (!char.IsWhiteSpace(normal[i]))
                {
                    hashes[count++] = FeatureHash.Mix(FeatureHash.Of(normal.AsSpan(i, 1)) ^ WordSeed);
                }

                i++;
                continue;
            }

            var start = i;
            while (i < normal.Length && char.IsLetterOrDigit(normal[i]))
            {
                i++;
            }

            var word = normal.AsSpan(start, i - start);
            var wordHash = FeatureHash.Of(word);
            hashes[count++] = FeatureHash.Mix(wordHash ^ WordSeed);
            if (previousWord != 0)
            {
                hashes[count++] = FeatureHash.Mix((previousWord * 31) ^ wordHash ^ BigramSeed);
            }

            previousWord = wordHash;
            for (var k = 0; k + 4 <= word.Length; k++)
            {
                hashes[count++] = FeatureHash.Mix(FeatureHash.Of(word.Slice(k, 4)) ^ CharSeed);
            }
        }

        return count;
    }

    // Each distinct hash counts once, +1 or -1 by its top bit, in the bucket its low bits name.
    private static SparseFeatures ToFeatures(Span<ulong> hashes)
    {
        hashes.Sort();
        var signedBuckets = ArrayPool<int>.Shared.Rent(Math.Max(1, hashes.Length));
        var distinct = 0;
        for (var i = 0; i < hashes.Length; i++)
        {
            if (i > 0 && hashes[i] == hashes[i - 1])
            {
                continue;
            }

            var bucket = (int)(hashes[i] & (Dimension - 1));
            signedBuckets[distinct++] = (bucket << 1) | (int)(hashes[i] >> 63);
        }

        var buckets = signedBuckets.AsSpan(0, distinct);
        buckets.Sort();
        var features = new SparseFeatures(distinct);
        var sumOfSquares = 0f;
        var k = 0;
        while (k < buckets.Length)
        {
            var bucket = buckets[k] >> 1;
            var value = 0f;
            for (; k < buckets.Length && buckets[k] >> 1 == bucket; k++)
            {
                value += (buckets[k] & 1) == 0 ? 1f : -1f;
            }

            features.Add(bucket, value);
            sumOfSquares += value * value;
        }

        ArrayPool<int>.Shared.Return(signedBuckets);
        features.ToUnitLength(MathF.Sqrt(sumOfSquares));
        return features;
    }

    private static string Normalize(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return folded.ToLower(CultureInfo.InvariantCulture);
    }
}
