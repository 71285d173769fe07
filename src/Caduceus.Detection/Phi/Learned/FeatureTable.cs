using System.Numerics;
using System.Runtime.InteropServices;

namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// The model's weights as an open-addressing hash table: slots of (feature hash, row number) probed linearly, at most
/// half full, and the rows packed densely after one another, each padded to whole SIMD vectors. Most features of a
/// text are not in the model, and a miss usually costs one probe; a hit adds its row with a few vector additions.
/// </summary>
internal sealed class FeatureTable
{
    private const ulong Empty = 0;

    private readonly Slot[] _slots;
    private readonly float[] _rows;
    private readonly int _mask;

    public FeatureTable(IReadOnlyList<(ulong Feature, float[] Weights)> features, int labelCount)
    {
        LabelCount = labelCount;
        Stride = (labelCount + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, features.Count * 2));
        _slots = new Slot[capacity];
        _rows = new float[features.Count * Stride];
        _mask = capacity - 1;
        for (var row = 0; row < features.Count; row++)
        {
            var (feature, weights) = features[row];
            var slot = FindSlot(Key(feature));
            if (_slots[slot].Key != Empty)
            {
                throw new ArgumentException("A feature appears twice.", nameof(features));
            }

            _slots[slot] = new Slot(Key(feature), row);
            weights.AsSpan(0, labelCount).CopyTo(_rows.AsSpan(row * Stride));
        }
    }

    public int LabelCount { get; }

    /// <summary>Floats per row: the label count rounded up to whole vectors.</summary>
    public int Stride { get; }

    /// <summary>Adds the rows of the features present to <paramref name="scores"/> (at least <see cref="Stride"/> long).</summary>
    public void AddTo(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var sums = MemoryMarshal.Cast<float, Vector<float>>(scores[..Stride]);
        foreach (var feature in features)
        {
            var slot = _slots[FindSlot(Key(feature))];
            if (slot.Key == Empty)
            {
                continue;
            }

            var row = MemoryMarshal.Cast<float, Vector<float>>(_rows.AsSpan(slot.Row * Stride, Stride));
            for (var v = 0; v < sums.Length; v++)
            {
                sums[v] += row[v];
            }
        }
    }

    /// <summary>Every feature with its weights (label count long), in slot order.</summary>
    public IEnumerable<(ulong Feature, float[] Weights)> Entries()
    {
        foreach (var slot in _slots)
        {
            if (slot.Key != Empty)
            {
                yield return (slot.Key, _rows.AsSpan(slot.Row * Stride, LabelCount).ToArray());
            }
        }
    }

    // Hash 0 marks an empty slot, so the one feature that hashes to 0 is filed under 1.
    private static ulong Key(ulong feature) => feature == Empty ? 1 : feature;

    private int FindSlot(ulong key)
    {
        var slot = (int)(key >> 32) & _mask;
        while (_slots[slot].Key != Empty && _slots[slot].Key != key)
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    private readonly record struct Slot(ulong Key, int Row);
}
