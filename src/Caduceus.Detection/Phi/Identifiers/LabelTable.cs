namespace Caduceus.Detection.Phi.Identifiers;

/// <summary>
/// A set of <see cref="IdentifierLabel"/>s searched in one vectorized pass (<see cref="WordStartSearch"/>). Where
/// labels overlap ("license" and "license plate"), the longest one at the leftmost position wins.
/// </summary>
internal sealed class LabelTable
{
    private readonly WordStartSearch _wordStarts;
    private readonly IdentifierLabel[][] _byFirstLetter = new IdentifierLabel[26][];

    public LabelTable(IEnumerable<IdentifierLabel> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var all = labels.ToArray();
        foreach (var label in all)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(label.Phrase, nameof(labels));
            if (!char.IsAsciiLetter(label.Phrase[0]))
            {
                throw new ArgumentException("A label starts with a letter.", nameof(labels));
            }
        }

        _wordStarts = new WordStartSearch(all.Select(l => l.Phrase));
        for (var letter = 0; letter < 26; letter++)
        {
            var first = (char)('a' + letter);
            _byFirstLetter[letter] =
            [
                .. all.Where(l => char.ToLowerInvariant(l.Phrase[0]) == first).OrderByDescending(l => l.Phrase.Length),
            ];
        }

        Labels = all;
    }

    public IReadOnlyList<IdentifierLabel> Labels { get; }

    /// <summary>Finds where labels may start; <see cref="LongestAt"/> says which, if any.</summary>
    public WordStartSearch WordStarts => _wordStarts;

    /// <summary>The longest label that starts at <paramref name="at"/> as a whole word and where it ends, or null.</summary>
    public IdentifierLabel? LongestAt(ReadOnlySpan<char> text, int at, out int end)
    {
        end = -1;
        if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
        {
            return null;
        }

        var letter = char.ToLowerInvariant(text[at]) - 'a';
        if (letter is < 0 or >= 26)
        {
            return null;
        }

        foreach (var label in _byFirstLetter[letter])
        {
            var phrase = label.Phrase;
            var rest = text[at..];
            var matches = label.MatchCase
                ? rest.StartsWith(phrase, StringComparison.Ordinal)
                : rest.StartsWith(phrase, StringComparison.OrdinalIgnoreCase);
            if (!matches)
            {
                continue;
            }

            end = at + phrase.Length;
            if (IsWordEnd(text, end, phrase))
            {
                return label;
            }

            // "claim" also labels "claims #: 55123, 55124".
            if (text[end] is 's' or 'S' && char.IsLetter(phrase[^1]) && IsWordEnd(text, end + 1, phrase))
            {
                end++;
                return label;
            }
        }

        end = -1;
        return null;
    }

    private static bool IsWordEnd(ReadOnlySpan<char> text, int end, string phrase) =>
        end == text.Length || !char.IsLetterOrDigit(phrase[^1]) || !char.IsLetterOrDigit(text[end]);
}
