namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>Reads the digits of a candidate, skipping its separators (spaces, dashes, dots).</summary>
internal static class CandidateDigits
{
    /// <summary>
    /// Copies the ASCII digits of <paramref name="candidate"/> into <paramref name="destination"/> and returns how many
    /// there are, or -1 when there are more than <paramref name="destination"/> holds.
    /// </summary>
    public static int Collect(ReadOnlySpan<char> candidate, Span<char> destination)
    {
        var count = 0;
        foreach (var c in candidate)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            if (count == destination.Length)
            {
                return -1;
            }

            destination[count++] = c;
        }

        return count;
    }

    /// <summary>The value of a short run of ASCII digits.</summary>
    public static int Number(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }
}
