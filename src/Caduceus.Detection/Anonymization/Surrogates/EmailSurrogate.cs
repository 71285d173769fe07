using System.Globalization;

namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>An address at <c>example.org</c>, the domain reserved for examples (RFC 2606): <c>maria.lopez42@example.org</c>.</summary>
internal static class EmailSurrogate
{
    public const string Domain = "example.org";

    public static string Create(KeyedDraw draw)
    {
        var given = draw.Pick(draw.Next(2) == 0 ? SurrogateWords.FemaleGivenNames : SurrogateWords.MaleGivenNames);
        var surname = draw.Pick(SurrogateWords.Surnames);
        var number = draw.Next(10, 99).ToString(CultureInfo.InvariantCulture);
        return string.Concat(given.ToLowerInvariant(), ".", surname.ToLowerInvariant(), number, "@", Domain);
    }
}
