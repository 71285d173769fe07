using System.Globalization;
using System.Text;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Spelling variants of one name: accents folded ("José" and "Jose"), curly apostrophes straightened, and the
/// Cyrillic, Greek and Georgian scripts romanized so that gazetteers kept in those scripts match notes in English.
/// </summary>
internal static class NameText
{
    /// <summary>Longest word looked up; longer tokens are never names.</summary>
    public const int MaxWordLength = 48;

    private const char FirstFoldable = '\u00C0';
    private const char LastFoldable = '\u1EFF';

    // Base letter of each Latin letter with a diacritic in U+00C0..U+1EFF (Latin-1 to Latin Extended Additional,
    // where Vietnamese lives); '\0' where the letter has none.
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>True for the apostrophes people type inside names (O'Brien, O’Brien).</summary>
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    /// <summary>True for a letter of a script that has no upper and lower case (Arabic, CJK): not handled here.</summary>
    public static bool IsCaseless(char c) => char.IsLetter(c) && !char.IsUpper(c) && !char.IsLower(c);

    /// <summary>
    /// Writes <paramref name="word"/> with accents removed and apostrophes straightened into <paramref name="destination"/>
    /// (at least twice as long as the word) and returns the number of characters written.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination)
    {
        var written = 0;
        foreach (var c in word)
        {
            if (c < 0x80)
            {
                destination[written++] = c;
            }
            else if (IsApostrophe(c))
            {
                destination[written++] = '\'';
            }
            else if (c >= FirstFoldable && c <= LastFoldable && FoldTable[c - FirstFoldable] != '\0')
            {
                destination[written++] = FoldTable[c - FirstFoldable];
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // A decomposed accent ("e" + U+0301): drop it.
            }
            else
            {
                written += Expand(c, destination[written..]);
            }
        }

        return written;
    }

    /// <summary>The folded form of a whole word, or the word itself when folding changes nothing.</summary>
    public static string Fold(string word)
    {
        if (word.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F') < 0)
        {
            return word;
        }

        Span<char> buffer = stackalloc char[word.Length * 2];
        var length = Fold(word, buffer);
        return buffer[..length].ToString();
    }

    /// <summary>
    /// The Latin spelling of a name written in Cyrillic, Greek or Georgian (Смирнов → Smirnov, Παπαδόπουλος →
    /// Papadopoulos), following the common English romanizations; null when the word uses another non-Latin script.
    /// Latin words are returned unchanged.
    /// </summary>
    /// <param name="word">One name.</param>
    /// <param name="ukrainian">Romanize Cyrillic by the Ukrainian rules (г → h, и → y).</param>
    public static string? Romanize(string word, bool ukrainian = false)
    {
        var builder = new StringBuilder(word.Length + 4);
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c < 0x250)
            {
                builder.Append(c);
                continue;
            }

            var lower = StripGreekAccent(char.ToLowerInvariant(c));
            var next = i + 1 < word.Length ? StripGreekAccent(char.ToLowerInvariant(word[i + 1])) : '\0';
            string? latin;
            if (lower == 'ο' && next == 'υ')
            {
                latin = "ou";
                i++;
            }
            else
            {
                latin = RomanizeLetter(lower, ukrainian);
            }

            if (latin is null)
            {
                return null;
            }

            if (char.IsUpper(c) && latin.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(latin[0])).Append(latin.AsSpan(1));
            }
            else
            {
                builder.Append(latin);
            }
        }

        return builder.ToString();
    }

    // ά → α, ώ → ω: the tonos and dialytika carry no sound worth romanizing.
    private static char StripGreekAccent(char c) =>
        c is (>= '\u0370' and <= '\u03FF') or (>= '\u1F00' and <= '\u1FFF') ? c.ToString().Normalize(NormalizationForm.FormD)[0] : c;

    private static string? RomanizeLetter(char c, bool ukrainian) => c switch
    {
        // Cyrillic
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => ukrainian ? "h" : "g",
        'ґ' => "g",
        'д' => "d",
        'е' => "e",
        'ё' => "e",
        'є' => "ye",
        'ж' => "zh",
        'з' => "z",
        'и' => ukrainian ? "y" : "i",
        'і' => "i",
        'ї' => "yi",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' or 'ь' or '\'' or '’' => "",
        'ы' => "y",
        'э' => "e",
        'ю' => "yu",
        'я' => "ya",

        // Greek
        'α' => "a",
        'β' => "v",
        'γ' => "g",
        'δ' => "d",
        'ε' => "e",
        'ζ' => "z",
        'η' => "i",
        'θ' => "th",
        'ι' => "i",
        'κ' => "k",
        'λ' => "l",
        'μ' => "m",
        'ν' => "n",
        'ξ' => "x",
        'ο' => "o",
        'π' => "p",
        'ρ' => "r",
        'σ' or 'ς' => "s",
        'τ' => "t",
        'υ' => "y",
        'φ' => "f",
        'χ' => "ch",
        'ψ' => "ps",
        'ω' => "o",

        // Georgian (Mkhedruli)
        'ა' => "a",
        'ბ' => "b",
        'გ' => "g",
        'დ' => "d",
        'ე' => "e",
        'ვ' => "v",
        'ზ' => "z",
        'თ' => "t",
        'ი' => "i",
        'კ' => "k",
        'ლ' => "l",
        'მ' => "m",
        'ნ' => "n",
        'ო' => "o",
        'პ' => "p",
        'ჟ' => "zh",
        'რ' => "r",
        'ს' => "s",
        'ტ' => "t",
        'უ' => "u",
        'ფ' => "p",
        'ქ' => "k",
        'ღ' => "gh",
        'ყ' => "q",
        'შ' => "sh",
        'ჩ' => "ch",
        'ც' => "ts",
        'ძ' => "dz",
        'წ' => "ts",
        'ჭ' => "ch",
        'ხ' => "kh",
        'ჯ' => "j",
        'ჰ' => "h",
        _ => null,
    };

    private static int Expand(char c, Span<char> destination)
    {
        ReadOnlySpan<char> expansion = c switch
        {
            'ß' => "ss",
            'æ' => "ae",
            'Æ' => "AE",
            'œ' => "oe",
            'Œ' => "OE",
            'þ' => "th",
            'Þ' => "TH",
            _ => default,
        };

        if (expansion.IsEmpty)
        {
            destination[0] = c;
            return 1;
        }

        expansion.CopyTo(destination);
        return expansion.Length;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[LastFoldable - FirstFoldable + 1];
        for (var c = FirstFoldable; c <= LastFoldable; c++)
        {
            if (char.IsSurrogate(c) || !char.IsLetter(c))
            {
                continue;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            if (decomposed.Length > 1 && decomposed[0] < 0x80 && char.IsLetter(decomposed[0]))
            {
                table[c - FirstFoldable] = decomposed[0];
            }
        }

        // Letters with a stroke or a dot do not decompose.
        ReadOnlySpan<(char Letter, char Base)> strokes =
        [
            ('Ø', 'O'), ('ø', 'o'), ('Ł', 'L'), ('ł', 'l'), ('Đ', 'D'), ('đ', 'd'), ('Ħ', 'H'), ('ħ', 'h'), ('ı', 'i'),
            ('Ŀ', 'L'), ('ŀ', 'l'), ('Ŧ', 'T'), ('ŧ', 't'), ('ƒ', 'f'), ('Ɨ', 'I'),
        ];
        foreach (var (letter, baseLetter) in strokes)
        {
            table[letter - FirstFoldable] = baseLetter;
        }

        return table;
    }
}
