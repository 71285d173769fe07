namespace Caduceus.Detection.Phi.Devices;

/// <summary>
/// GS1 unique device identifiers in human-readable form: the GTIN-14 after <c>(01)</c> must carry a valid GS1 check
/// digit (weights 3 and 1 alternating from the right). A failing check digit is reported only with context.
/// </summary>
internal static class UdiValidator
{
    /// <summary>Score factor for a UDI whose GTIN check digit fails.</summary>
    public const double BadCheckDigitScoreFactor = 0.75;

    private const int GtinLength = 14;

    public static CandidateCheck Check(ReadOnlySpan<char> candidate)
    {
        // "(01)" and an optional space precede the GTIN.
        var gtinStart = 4 + candidate[4..].IndexOfAnyInRange('0', '9');
        if (gtinStart < 4 || candidate.Length - gtinStart < GtinLength)
        {
            return CandidateCheck.Invalid("no GTIN after (01)");
        }

        return HasValidCheckDigit(candidate.Slice(gtinStart, GtinLength))
            ? CandidateCheck.Valid("valid GTIN check digit")
            : CandidateCheck.OnlyWithContext("GTIN check digit fails", BadCheckDigitScoreFactor);
    }

    private static bool HasValidCheckDigit(ReadOnlySpan<char> gtin)
    {
        var sum = 0;
        for (var i = gtin.Length - 2; i >= 0; i--)
        {
            var weight = (gtin.Length - 2 - i) % 2 == 0 ? 3 : 1;
            sum += (gtin[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10 == gtin[^1] - '0';
    }
}
