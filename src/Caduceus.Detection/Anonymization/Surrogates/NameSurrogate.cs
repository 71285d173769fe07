using System.Text;

namespace Caduceus.Detection.Anonymization.Surrogates;

/// <summary>
/// Another person's name in the same shape: <c>Dr. Jane A. Roe</c> becomes <c>Dr. Maria K. Lopez</c>,
/// <c>ROE, JANE</c> becomes <c>LOPEZ, MARIA</c>. Titles, suffixes and punctuation stay; initials become other
/// initials; given names keep their sex when the original is a known given name or follows Mr/Mrs/Ms. Each name
/// word is chosen by its own keyed draw, so <c>Jane Roe</c>, <c>Ms. Roe</c> and <c>Jane</c> stay one person.
/// </summary>
internal static class NameSurrogate
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase) { "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sr", "Rev" };
    private static readonly HashSet<string> FemaleTitles = new(StringComparer.OrdinalIgnoreCase) { "Mrs", "Ms", "Miss" };
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr", "II", "III", "IV", "MD", "DO", "RN", "NP", "PA", "PhD", "DDS", "Esq" };
    private static readonly HashSet<string> Female = new(SurrogateWords.FemaleGivenNames, StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Male = new(SurrogateWords.MaleGivenNames, StringComparer.OrdinalIgnoreCase);

    private enum Role
    {
        Kept,
        Initial,
        Given,
        Surname,
    }

    /// <param name="value">The original name.</param>
    /// <param name="drawFor">A keyed draw for one name word, e.g. <c>"surname:ROE"</c>.</param>
    public static string Create(string value, Func<string, KeyedDraw> drawFor)
    {
        var words = Words(value);
        var roles = Roles(value, words, out var female);
        var result = new StringBuilder(value.Length + 8);
        var copied = 0;
        for (var i = 0; i < words.Count; i++)
        {
            var (start, length) = words[i];
            var word = value.Substring(start, length);
            result.Append(value, copied, start - copied);
            copied = start + length;
            result.Append(roles[i] switch
            {
                Role.Initial => Cased(drawFor("initial:" + word.ToUpperInvariant()).Letter(upper: true).ToString(), word),
                Role.Given => Cased(GivenName(word, female, drawFor), word),
                Role.Surname => Cased(drawFor("surname:" + word.ToUpperInvariant()).Pick(SurrogateWords.Surnames), word),
                _ => word,
            });
        }

        return result.Append(value, copied, value.Length - copied).ToString();
    }

    private static string GivenName(string word, bool? female, Func<string, KeyedDraw> drawFor)
    {
        var draw = drawFor("given:" + word.ToUpperInvariant());
        var isFemale = Female.Contains(word) || (!Male.Contains(word) && (female ?? draw.Next(2) == 0));
        return draw.Pick(isFemale ? SurrogateWords.FemaleGivenNames : SurrogateWords.MaleGivenNames);
    }

    /// <summary>
    /// What each word is. "Last, First Middle" when a comma follows the first name word; otherwise the last name word
    /// is the surname and the ones before it given names. A single name word after a title is a surname
    /// ("Dr. Roe"), otherwise a given name ("Jane").
    /// </summary>
    private static Role[] Roles(string value, List<(int Start, int Length)> words, out bool? female)
    {
        female = null;
        var roles = new Role[words.Count];
        var names = new List<int>();
        var titled = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = value.AsSpan(words[i].Start, words[i].Length).ToString();
            if (Titles.Contains(word) && names.Count == 0)
            {
                roles[i] = Role.Kept;
                titled = true;
                female = FemaleTitles.Contains(word) ? true : word.Equals("Mr", StringComparison.OrdinalIgnoreCase) ? false : female;
            }
            else if (Suffixes.Contains(word) && names.Count > 0)
            {
                roles[i] = Role.Kept;
            }
            else if (word.Length == 1)
            {
                roles[i] = Role.Initial;
            }
            else
            {
                roles[i] = Role.Given;
                names.Add(i);
            }
        }

        if (names.Count == 0)
        {
            return roles;
        }

        var first = names[0];
        var commaAfterFirst = names.Count > 1 && value.AsSpan(words[first].Start + words[first].Length, words[names[1]].Start - words[first].Start - words[first].Length).Contains(',');
        if (commaAfterFirst)
        {
            roles[first] = Role.Surname;
        }
        else if (names.Count > 1 || titled)
        {
            roles[names[^1]] = Role.Surname;
        }

        return roles;
    }

    /// <summary>Runs of letters, with apostrophes and hyphens inside them (O'Brien, Smith-Jones).</summary>
    private static List<(int Start, int Length)> Words(string value)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < value.Length)
        {
            if (!char.IsLetter(value[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < value.Length && (char.IsLetter(value[i]) || (IsJoiner(value[i]) && i + 1 < value.Length && char.IsLetter(value[i + 1]))))
            {
                i++;
            }

            words.Add((start, i - start));
        }

        return words;
    }

    private static bool IsJoiner(char c) => c is '\'' or '\u2019' or '-';

    /// <summary><paramref name="word"/> in the letter case of <paramref name="original"/>: ROE, roe or Roe.</summary>
    internal static string Cased(string word, string original)
    {
        var hasLower = false;
        var hasUpper = false;
        foreach (var c in original)
        {
            hasLower |= char.IsLower(c);
            hasUpper |= char.IsUpper(c);
        }

        if (hasUpper && !hasLower && original.Length > 1)
        {
            return word.ToUpperInvariant();
        }

        return hasLower && !hasUpper ? word.ToLowerInvariant() : word;
    }
}
