using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// A deterministic stream of choices seeded by a keyed hash of the input: the same key, scope and value always
/// make the same choices, and without the key the choices reveal nothing about the value. HMAC-SHA256 in counter
/// mode, so a long surrogate never runs out of bytes.
/// </summary>
internal sealed class KeyedDraw
{
    private readonly byte[] _seed = new byte[32];
    private readonly byte[] _block = new byte[32];
    private readonly byte[] _counter = new byte[4];
    private int _position;
    private uint _blockNumber;

    /// <param name="key">The operator's key.</param>
    /// <param name="parts">What the choices depend on, e.g. purpose, scope id, entity type and normalized value.</param>
    public KeyedDraw(byte[] key, ReadOnlySpan<string> parts)
    {
        OperatorKey.Mac(key, parts, _seed);
        NextBlock();
    }

    /// <summary>A number in [0, <paramref name="maxExclusive"/>). The modulo bias is below 2^-24 for the small ranges used.</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        if (_position + 4 > _block.Length)
        {
            NextBlock();
        }

        var value = BinaryPrimitives.ReadUInt32BigEndian(_block.AsSpan(_position, 4));
        _position += 4;
        return (int)(value % (uint)maxExclusive);
    }

    /// <summary>A number in [<paramref name="minInclusive"/>, <paramref name="maxInclusive"/>].</summary>
    public int Next(int minInclusive, int maxInclusive) => minInclusive + Next(maxInclusive - minInclusive + 1);

    public char Digit() => (char)('0' + Next(10));

    public char NonZeroDigit() => (char)('1' + Next(9));

    public char Letter(bool upper) => (char)((upper ? 'A' : 'a') + Next(26));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    private void NextBlock()
    {
        BinaryPrimitives.WriteUInt32BigEndian(_counter, _blockNumber++);
        HMACSHA256.HashData(_seed, _counter, _block);
        _position = 0;
    }
}
