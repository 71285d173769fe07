using System.Buffers;

namespace Caduceus.Detection.Injection.Learned;

/// <summary>A sparse feature vector in pooled arrays: bucket indices ascending with their values. Dispose once.</summary>
internal sealed class SparseFeatures : IDisposable
{
    private int[] _indices;
    private float[] _values;

    public SparseFeatures(int capacity)
    {
        _indices = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity));
        _values = ArrayPool<float>.Shared.Rent(Math.Max(1, capacity));
    }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    public void Add(int index, float value)
    {
        _indices[Count] = index;
        _values[Count] = value;
        Count++;
    }

    /// <summary>Divides every value by <paramref name="norm"/>; a zero vector becomes an empty one.</summary>
    public void ToUnitLength(float norm)
    {
        if (norm == 0)
        {
            Count = 0;
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            _values[i] /= norm;
        }
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_indices);
        ArrayPool<float>.Shared.Return(_values);
        _indices = [];
        _values = [];
        Count = 0;
    }
}
