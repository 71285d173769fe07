using System.Security.Cryptography;
using System.Text;

namespace Caduceus.Detection.Anonymization;

/// <summary>
/// The built-in operators by name, so that configuration, the gateway and the <c>caduceus redact</c> command build
/// them alike. Keyed operators get their own key, derived with HKDF-SHA256 from one master key, so one secret serves
/// them all without one operator's output telling anything about another's.
/// </summary>
public static class AnonymizationOperators
{
    /// <summary>Every built-in operator name, in the order a help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        RedactOperator.OperatorName,
        MaskOperator.OperatorName,
        HashOperator.OperatorName,
        SurrogateOperator.OperatorName,
        PseudonymizeOperator.OperatorName,
        DateShiftOperator.OperatorName,
        Zip3Operator.OperatorName,
    ];

    /// <summary>The operator called <paramref name="name"/> (case-insensitive) with its default settings.</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="masterKey">At least 32 secret bytes; used by <c>hash</c>, <c>surrogate</c> and <c>date_shift</c>.</param>
    /// <exception cref="ArgumentException">The name is unknown or the key too short.</exception>
    public static IAnonymizationOperator Create(string name, ReadOnlySpan<byte> masterKey)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (masterKey.Length < OperatorKey.MinimumLength)
        {
            throw new ArgumentException($"The master key must be at least {OperatorKey.MinimumLength} bytes long.", nameof(masterKey));
        }

        switch (name.ToLowerInvariant())
        {
            case RedactOperator.OperatorName:
                return RedactOperator.Instance;
            case MaskOperator.OperatorName:
                return new MaskOperator();
            case HashOperator.OperatorName:
                return new HashOperator(Derive(masterKey, HashOperator.OperatorName));
            case SurrogateOperator.OperatorName:
                return new SurrogateOperator(Derive(masterKey, SurrogateOperator.OperatorName), new DateShiftOperator(Derive(masterKey, DateShiftOperator.OperatorName)));
            case PseudonymizeOperator.OperatorName:
                return PseudonymizeOperator.Instance;
            case DateShiftOperator.OperatorName:
                return new DateShiftOperator(Derive(masterKey, DateShiftOperator.OperatorName));
            case Zip3Operator.OperatorName:
                return Zip3Operator.Instance;
            default:
                throw new ArgumentException($"Unknown operator '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name));
        }
    }

    private static byte[] Derive(ReadOnlySpan<byte> masterKey, string operatorName)
    {
        var key = new byte[OperatorKey.MinimumLength];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, key, [], Encoding.UTF8.GetBytes("caduceus anonymization operator " + operatorName));
        return key;
    }
}
