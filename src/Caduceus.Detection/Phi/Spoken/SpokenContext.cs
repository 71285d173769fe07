using System.Buffers;
using Caduceus.Detection.Phi.Identifiers;

namespace Caduceus.Detection.Phi.Spoken;

/// <summary>
/// Says what a spoken identifier is from the words before it: "callback number" (phone), "fax", "social" (SSN),
/// "zip code" (address), "date of birth", "last name" (a spelled name), or any identifier label ("member ID", "MRN",
/// "account"). A phrase followed by an id marker ("member ID", "callback number") wins over one without ("card"); then
/// the closest specific word; generic id words ("ID", "ref") count only when nothing specific is near, and "number"
/// alone only when nothing else is.
/// Phrases written for this project, plus the labels of <see cref="IdentifierLabels"/>.
/// </summary>
internal sealed class SpokenContext
{
    /// <summary>Characters searched before a run: the question the caller is answering is often on the line before.</summary>
    public const int Window = 80;

    private static readonly (string Phrase, string EntityType)[] SpokenPhrases =
    [
        ("phone", EntityTypes.Phone), ("phone number", EntityTypes.Phone), ("telephone", EntityTypes.Phone),
        ("cell", EntityTypes.Phone), ("cellphone", EntityTypes.Phone), ("mobile", EntityTypes.Phone), ("call", EntityTypes.Phone),
        ("callback", EntityTypes.Phone), ("call back", EntityTypes.Phone), ("reach", EntityTypes.Phone),
        ("contact number", EntityTypes.Phone), ("home number", EntityTypes.Phone), ("work number", EntityTypes.Phone),
        ("fax", EntityTypes.Fax), ("fax number", EntityTypes.Fax),
        ("ssn", EntityTypes.Ssn), ("social", EntityTypes.Ssn), ("social security", EntityTypes.Ssn),
        ("zip", EntityTypes.Address), ("zip code", EntityTypes.Address), ("zipcode", EntityTypes.Address),
        ("postal code", EntityTypes.Address),
        ("date of birth", EntityTypes.Date), ("dob", EntityTypes.Date), ("birth date", EntityTypes.Date),
        ("birthdate", EntityTypes.Date), ("birthday", EntityTypes.Date), ("born", EntityTypes.Date),
        ("name", EntityTypes.Name), ("last name", EntityTypes.Name), ("first name", EntityTypes.Name),
        ("surname", EntityTypes.Name), ("family name", EntityTypes.Name), ("maiden name", EntityTypes.Name),
        ("middle name", EntityTypes.Name),
    ];

    // "Number" alone names no kind of number; a phone number is the usual guess.
    private const string GenericWord = "number";

    // Words after a phrase that say an identifier follows.
    private static readonly string[] Markers = ["id", "number", "#", "no", "num"];

    // Labels that name no family of their own.
    private static readonly HashSet<string> GenericLabels = new(["id", "ref", "identifier", "identification", "reference"], StringComparer.Ordinal);

    private readonly ContextPhrase[] _phrases;
    private readonly SearchValues<string> _anyPhrase;

    public SpokenContext(LabelTable labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        _phrases =
        [
            .. SpokenPhrases.Select(p => new ContextPhrase(p.Phrase, p.EntityType, MatchCase: false)),
            .. labels.Labels.Select(l => new ContextPhrase(l.Phrase, l.EntityType, l.MatchCase)),
            new(GenericWord, EntityTypes.Phone, MatchCase: false),
        ];
        _anyPhrase = SearchValues.Create([.. _phrases.Select(p => p.Phrase).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
    }

    public static SpokenContext Default { get; } = new(IdentifierLabels.Default);

    /// <summary>The entity type the closest context before <paramref name="start"/> names, and the phrase; null if none.</summary>
    public (string? EntityType, string? Phrase) FindBefore(ReadOnlySpan<char> text, int start)
    {
        var windowStart = Math.Max(0, start - Window);
        ContextPhrase? marked = null;
        ContextPhrase? specific = null;
        ContextPhrase? genericLabel = null;
        ContextPhrase? generic = null;
        var from = windowStart;
        while (from < start)
        {
            var found = text[from..start].IndexOfAny(_anyPhrase);
            if (found < 0)
            {
                break;
            }

            var at = from + found;
            var phrase = LongestAt(text, at, start);
            from = at + 1;
            if (phrase is not null)
            {
                from = at + phrase.Phrase.Length; // "last name" is one phrase, not also "name".
                if (IsFollowedByMarker(text[from..start]))
                {
                    marked = phrase; // "member ID", "callback number": says what the number is.
                }
                else if (phrase.Phrase == GenericWord)
                {
                    generic = phrase;
                }
                else if (GenericLabels.Contains(phrase.Phrase))
                {
                    genericLabel = phrase;
                }
                else
                {
                    specific = phrase;
                }
            }
        }

        var chosen = marked ?? specific ?? genericLabel ?? generic;
        return (chosen?.EntityType, chosen?.Phrase);
    }

    private static bool IsFollowedByMarker(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        foreach (var marker in Markers)
        {
            if (rest.StartsWith(marker, StringComparison.OrdinalIgnoreCase)
                && (rest.Length == marker.Length || !char.IsLetterOrDigit(rest[marker.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private ContextPhrase? LongestAt(ReadOnlySpan<char> text, int at, int limit)
    {
        if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
        {
            return null;
        }

        ContextPhrase? best = null;
        foreach (var phrase in _phrases)
        {
            var end = at + phrase.Phrase.Length;
            if (end > limit || (best is not null && phrase.Phrase.Length <= best.Phrase.Length))
            {
                continue;
            }

            var matches = text[at..].StartsWith(phrase.Phrase, phrase.MatchCase ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
            if (matches && (end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(phrase.Phrase[^1])))
            {
                best = phrase;
            }
        }

        return best;
    }

    private sealed record ContextPhrase(string Phrase, string EntityType, bool MatchCase);
}
