using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// The secret behind keyed operators. Without it nobody can link an output to its input (hash) or predict a
/// surrogate or a date shift; with it, the same input gives the same output.
/// </summary>
internal static class OperatorKey
{
    /// <summary>Keys are HMAC-SHA256 keys; shorter ones would weaken it.</summary>
    public const int MinimumLength = 32;

    /// <summary>A private copy of <paramref name="key"/>, checked for length. The message never shows the key.</summary>
    public static byte[] Copy(ReadOnlySpan<byte> key, string parameterName)
    {
        if (key.Length < MinimumLength)
        {
            throw new ArgumentException($"An operator key must be at least {MinimumLength} bytes long.", parameterName);
        }

        return key.ToArray();
    }

    /// <summary>
    /// HMAC-SHA256 of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ.
    /// </summary>
    public static void Mac(byte[] key, ReadOnlySpan<string> parts, Span<byte> destination)
    {
        var size = 0;
        foreach (var part in parts)
        {
            size += 4 + Encoding.UTF8.GetMaxByteCount(part.Length);
        }

        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var written = 0;
            foreach (var part in parts)
            {
                var length = Encoding.UTF8.GetBytes(part, rented.AsSpan(written + 4));
                BinaryPrimitives.WriteInt32BigEndian(rented.AsSpan(written), length);
                written += 4 + length;
            }

            HMACSHA256.HashData(key, rented.AsSpan(0, written), destination);
        }
        finally
        {
            // The buffer held a value: clear it before another caller gets it.
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, size));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
