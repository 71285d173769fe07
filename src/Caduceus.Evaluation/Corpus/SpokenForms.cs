using System.Globalization;
using System.Text;

namespace Caduceus.Evaluation.Corpus;

/// <summary>Numbers, dates and names as a caller says them and a transcription service writes them down.</summary>
internal static class SpokenForms
{
    private static readonly string[] Digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] Units =
    [
        "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] Ordinals =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth",
        "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first",
    ];

    /// <summary>Digits one by one in groups: "five five five, two one two, ...", with "oh" for some zeros.</summary>
    public static string DigitGroups(DeterministicRandom random, string digits, params int[] groups)
    {
        var text = new StringBuilder();
        var position = 0;
        var separator = random.Pick([", ", " ", "... ", " - "]);
        var saysOh = random.Chance(0.5);
        foreach (var size in groups)
        {
            if (position > 0)
            {
                text.Append(separator);
            }

            for (var i = 0; i < size; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                var digit = digits[position++] - '0';
                text.Append(digit == 0 && saysOh ? "oh" : Digits[digit]);
            }
        }

        return text.ToString();
    }

    /// <summary>"March third, nineteen forty-eight" or "the twelfth of June, two thousand one".</summary>
    public static string Date(DeterministicRandom random, DateOnly date)
    {
        var month = date.ToString("MMMM", CultureInfo.InvariantCulture);
        var year = Year(random, date.Year);
        return random.Next(3) switch
        {
            0 => $"{month} {Ordinals[date.Day]}, {year}",
            1 => $"the {Ordinals[date.Day]} of {month}, {year}",
            _ => $"{month} {Ordinals[date.Day]} {year}",
        };
    }

    /// <summary>Letters of a name one by one: "G-A-R-C-I-A", "G A R C I A" or "G, A, R, C, I, A" (accents dropped, as people spell).</summary>
    public static string Spell(DeterministicRandom random, string name)
    {
        var letters = AsciiFold(name).Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).ToArray();
        var separator = random.Pick(["-", " ", ", ", "... "]);
        return string.Join(separator, letters);
    }

    /// <summary>Drops accents and marks: "García" becomes "Garcia".</summary>
    public static string AsciiFold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c switch { 'ø' => 'o', 'Ø' => 'O', 'ß' => 's', _ => c });
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    private static string Year(DeterministicRandom random, int year)
    {
        if (year >= 2000 && year < 2010)
        {
            return year == 2000 ? "two thousand" : "two thousand " + Units[year - 2000];
        }

        if (year >= 2010 && random.Chance(0.5))
        {
            return "two thousand " + Number(year - 2000);
        }

        var century = year / 100;
        var rest = year % 100;
        var head = Number(century);
        return rest == 0 ? head + " hundred" : rest < 10 ? $"{head} oh {Units[rest]}" : $"{head} {Number(rest)}";
    }

    private static string Number(int value) => value < 20
        ? Units[value]
        : value % 10 == 0 ? Tens[value / 10] : $"{Tens[value / 10]}-{Units[value % 10]}";
}
