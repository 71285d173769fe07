namespace Caduceus.Evaluation.Hygiene;

/// <summary>
/// Finds near-duplicate texts with opposite labels: Jaccard similarity of their word-bigram sets (of the normalized
/// text) at least <see cref="DefaultThreshold"/>. Cost stays near linear: MinHash signatures (128 hashes) in
/// locality-sensitive buckets (16 bands of 8 rows) propose candidate pairs, and only an attack and a benign text that
/// share a bucket are compared exactly. At Jaccard 0.9 a pair shares a bucket with probability above 0.999; at 0.5, 6%.
/// Comparisons stop at <see cref="MaxComparisons"/>, and the result says so.
/// </summary>
public static class LabelFlipSuspects
{
    public const double DefaultThreshold = 0.9;
    public const int MaxComparisons = 2_000_000;

    private const int Bands = 16;
    private const int Rows = 8;
    private const int Hashes = Bands * Rows;

    public static (IReadOnlyList<LabelFlipSuspect> Suspects, bool Truncated) Find(IReadOnlyList<LabelledText> texts, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var shingles = texts.Select(t => Shingles(t.Text)).ToArray();
        var buckets = new Dictionary<(int Band, ulong Key), List<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            var signature = Signature(shingles[i]);
            for (var band = 0; band < Bands; band++)
            {
                var key = 14695981039346656037UL;
                for (var row = 0; row < Rows; row++)
                {
                    key = (key ^ signature[(band * Rows) + row]) * 1099511628211UL;
                }

                if (!buckets.TryGetValue((band, key), out var members))
                {
                    buckets[(band, key)] = members = [];
                }

                members.Add(i);
            }
        }

        var seen = new HashSet<(int, int)>();
        var suspects = new List<LabelFlipSuspect>();
        var comparisons = 0;
        foreach (var members in buckets.Values.Where(m => m.Count > 1))
        {
            foreach (var a in members.Where(i => texts[i].IsAttack))
            {
                foreach (var b in members.Where(i => !texts[i].IsAttack))
                {
                    if (!seen.Add((a, b)))
                    {
                        continue;
                    }

                    if (++comparisons > MaxComparisons)
                    {
                        return (suspects, true);
                    }

                    var jaccard = Jaccard(shingles[a], shingles[b]);
                    if (jaccard >= threshold)
                    {
                        suspects.Add(new LabelFlipSuspect(texts[a].Id, texts[b].Id, jaccard));
                    }
                }
            }
        }

        return (suspects.OrderByDescending(s => s.Jaccard).ThenBy(s => s.AttackId, StringComparer.Ordinal).ToArray(), false);
    }

    /// <summary>The word bigrams of the normalized text, hashed; a one-word text is its own single shingle.</summary>
    internal static HashSet<ulong> Shingles(string text)
    {
        var words = DuplicateNormalization.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<ulong>();
        if (words.Length == 1)
        {
            set.Add(Fnv(words[0]));
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            set.Add(Fnv(words[i] + " " + words[i + 1]));
        }

        return set;
    }

    internal static double Jaccard(HashSet<ulong> a, HashSet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    private static ulong[] Signature(HashSet<ulong> shingles)
    {
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var h = 0; h < Hashes; h++)
            {
                signature[h] = Math.Min(signature[h], Mix(shingle ^ ((ulong)(h + 1) * 0x9E3779B97F4A7C15UL)));
            }
        }

        return signature;
    }

    /// <summary>SplitMix64's finalizer: a fixed, well-spread hash, the same on every run and machine.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
