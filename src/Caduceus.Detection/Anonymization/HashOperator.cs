using System.Security.Cryptography;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Replaces a value with a keyed hash of it: <c>&lt;SSN:3f9a1c2b&gt;</c>, the first hex digits of
/// HMAC-SHA256(key, type and normalized value). The same value and key always give the same output, in any scope
/// and any spelling of the value (see <see cref="ValueNormalizer"/>), so records stay linkable by whoever holds the
/// key and by nobody else. Not reversible.
/// </summary>
public sealed class HashOperator : IAnonymizationOperator
{
    public const string OperatorName = "hash";

    private readonly byte[] _key;

    /// <param name="key">At least 32 secret bytes from the caller.</param>
    /// <param name="hexLength">Hex digits kept, 8 to 64. Eight (32 bits) make a collision likely only beyond tens of thousands of values of one type.</param>
    public HashOperator(ReadOnlySpan<byte> key, int hexLength = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hexLength, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hexLength, 64);
        _key = OperatorKey.Copy(key, nameof(key));
        HexLength = hexLength;
    }

    public string Name => OperatorName;

    public int HexLength { get; }

    public string Operate(string entityType, string value, AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> mac = stackalloc byte[32];
        OperatorKey.Mac(_key, ["hash", entityType, ValueNormalizer.Normalize(entityType, value)], mac);
        var hex = Convert.ToHexStringLower(mac)[..HexLength];
        CryptographicOperations.ZeroMemory(mac);
        return $"<{entityType}:{hex}>";
    }
}
