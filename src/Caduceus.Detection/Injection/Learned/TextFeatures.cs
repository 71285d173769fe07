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
internal static class TextFeatures
{
    public const int Bits = 18;
    public const int Dimension = 1 << Bits;
    public const int MaxCharacters = 16_384;

    private const ulong WordSeed = 0x5A17_0001;
    private const ulong BigramSeed = 0x5A17_0002;
    private const ulong CharSeed = 0x5A17_0003;

    /// <summary>The features of <paramref name="text"/>: bucket index and signed value, buckets distinct, unit length.</summary>
    public static List<(int Index, float Value)> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normal = Normalize(text.Length > MaxCharacters ? text[..MaxCharacters] : text);
        var counts = new Dictionary<int, float>();
        var seen = new HashSet<ulong>();
        var previousWord = 0UL;
        var i = 0;
        while (i < normal.Length)
        {
            if (!char.IsLetterOrDigit(normal[i]))
            {
                // Punctuation that carries meaning in attacks ("###", "<|", "[INST]") is a word of its own.
                if (!char.IsWhiteSpace(normal[i]))
                {
                    var symbolHash = FeatureHash.Of(normal.AsSpan(i, 1));
                    Add(counts, seen, FeatureHash.Mix(symbolHash ^ WordSeed));
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
            Add(counts, seen, FeatureHash.Mix(wordHash ^ WordSeed));
            if (previousWord != 0)
            {
                Add(counts, seen, FeatureHash.Mix((previousWord * 31) ^ wordHash ^ BigramSeed));
            }

            previousWord = wordHash;
            if (word.Length >= 4)
            {
                for (var k = 0; k + 4 <= word.Length; k++)
                {
                    Add(counts, seen, FeatureHash.Mix(FeatureHash.Of(word.Slice(k, 4)) ^ CharSeed));
                }
            }
        }

        var norm = MathF.Sqrt(counts.Values.Sum(v => v * v));
        if (norm == 0)
        {
            return [];
        }

        var features = new List<(int, float)>(counts.Count);
        foreach (var (index, value) in counts.OrderBy(pair => pair.Key))
        {
            features.Add((index, value / norm));
        }

        return features;
    }

    private static string Normalize(string text)
    {
        var folded = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        return folded.ToLower(CultureInfo.InvariantCulture);
    }

    private static void Add(Dictionary<int, float> counts, HashSet<ulong> seen, ulong hash)
    {
        if (!seen.Add(hash))
        {
            return;
        }

        var index = (int)(hash & (Dimension - 1));
        var sign = (hash >> 63) == 0 ? 1f : -1f;
        counts[index] = counts.GetValueOrDefault(index) + sign;
    }
}
