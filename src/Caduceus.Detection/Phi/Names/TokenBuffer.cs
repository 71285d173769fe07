using System.Buffers;

namespace Caduceus.Detection.Phi.Names;

/// <summary>The words of one text, in a pooled array that is returned on dispose. One per <see cref="NameRecognizer.Detect"/> call.</summary>
internal sealed class TokenBuffer : IDisposable
{
    private NameToken[] _items;

    public TokenBuffer(int capacity)
    {
        _items = ArrayPool<NameToken>.Shared.Rent(Math.Max(16, capacity));
    }

    public int Count { get; private set; }

    public NameToken this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            return _items[index];
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            _items[index] = value;
        }
    }

    public void Add(NameToken token)
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<NameToken>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, Count).CopyTo(larger);
            ArrayPool<NameToken>.Shared.Return(_items);
            _items = larger;
        }

        _items[Count++] = token;
    }

    public void Dispose()
    {
        ArrayPool<NameToken>.Shared.Return(_items);
        _items = [];
        Count = 0;
    }
}
