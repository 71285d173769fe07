namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>
/// Safe Harbor keeps ages over 89 only as the single category "90 or older", so the age becomes 90 in its own
/// wording: <c>97-year-old</c> becomes <c>90-year-old</c>, <c>age 93</c> becomes <c>age 90</c>.
/// </summary>
internal static class AgeSurrogate
{
    public const string Age = "90";

    public static string Create(string value)
    {
        var start = value.AsSpan().IndexOfAnyInRange('0', '9');
        if (start < 0)
        {
            return Age;
        }

        var end = start;
        while (end < value.Length && char.IsAsciiDigit(value[end]))
        {
            end++;
        }

        return string.Concat(value.AsSpan(0, start), Age, value.AsSpan(end));
    }
}
