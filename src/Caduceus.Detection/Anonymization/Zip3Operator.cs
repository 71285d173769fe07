namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Safe Harbor geographic generalization: an address or ZIP code becomes the first three digits of its ZIP code
/// (<c>02115</c> and <c>12 Elm St, Boston, MA 02115-3210</c> both become <c>021</c>), or <c>000</c> when the prefix is
/// one of the sparsely populated ones in <see cref="RestrictedZip3"/>. Everything else in the value (street, city)
/// is a subdivision smaller than a state and goes. A value without a ZIP code is replaced by its type label.
/// </summary>
public sealed class Zip3Operator : IAnonymizationOperator
{
    public const string OperatorName = "zip3";

    private Zip3Operator()
    {
    }

    /// <summary>The operator has no settings; one instance serves everyone.</summary>
    public static Zip3Operator Instance { get; } = new();

    public string Name => OperatorName;

    public string Operate(string entityType, string value, AnonymizationScope scope)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        ArgumentNullException.ThrowIfNull(value);
        var zip = LastZipCode(value);
        if (zip < 0)
        {
            return RedactOperator.Label(entityType);
        }

        var prefix = value.Substring(zip, 3);
        return RestrictedZip3.Prefixes.Contains(prefix) ? "000" : prefix;
    }

    /// <summary>
    /// Start of the last run of exactly five digits (optionally followed by -dddd), or -1. The last one, because a
    /// ZIP code ends an address while a five-digit house number starts it.
    /// </summary>
    private static int LastZipCode(string value)
    {
        var found = -1;
        var i = 0;
        while (i < value.Length)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
            }

            if (i - start == 5)
            {
                found = start;
            }
        }

        return found;
    }
}
