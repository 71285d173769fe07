namespace Caduceus.Detection;

/// <summary>
/// A Fisher-Yates shuffle driven by SplitMix64 from a seed, so the trainers visit their data in an order fixed by
/// this code on every machine and .NET version. Keep its sequence: the committed models were trained with it.
/// </summary>
internal sealed class SeededShuffle(ulong seed)
{
    private ulong _state = seed;

    /// <summary>Shuffles <paramref name="items"/> in place; successive calls continue the sequence.</summary>
    public void Shuffle(int[] items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = (int)(Next() % (ulong)(i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
