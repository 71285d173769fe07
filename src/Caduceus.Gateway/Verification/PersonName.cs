using System.Globalization;
using System.Text;

namespace Caduceus.Gateway.Verification;

/// <summary>Compares people's names the way a receptionist would: case, accents, punctuation and word order aside.</summary>
internal static class PersonName
{
    /// <summary>The words of <paramref name="name"/>, lower-cased without accents, in alphabetical order.</summary>
    public static string[] Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetter(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(words, StringComparer.Ordinal);
        return words;
    }

    /// <summary>True when both names have the same words (and have words at all: "(555) 010-2000" is no name).</summary>
    public static bool Same(string a, string b)
    {
        var words = Words(a);
        return words.Length > 0 && words.SequenceEqual(Words(b), StringComparer.Ordinal);
    }
}
