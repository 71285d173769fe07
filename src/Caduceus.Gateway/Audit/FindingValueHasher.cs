using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Keyed hashes of finding values (HMAC-SHA256, hex): equal values can be correlated across records, but without
/// the key a value cannot be confirmed by hashing guesses (an SSN has only 10^9 candidates).
/// </summary>
public sealed class FindingValueHasher(byte[] key)
{
    public string Hash(ReadOnlySpan<char> value)
    {
        var bytes = Encoding.UTF8.GetBytes(value.ToArray());
        try
        {
            return Convert.ToHexStringLower(HMACSHA256.HashData(key, bytes));
        }
        finally
        {
            Array.Clear(bytes);
        }
    }
}
