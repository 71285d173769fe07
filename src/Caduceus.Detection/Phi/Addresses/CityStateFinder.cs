using System.Text.RegularExpressions;

namespace Caduceus.Detection.Phi.Addresses;

/// <summary>
/// Finds city lines: a known city or county followed by its state, optionally with a ZIP code (<c>Springfield, IL 62704</c>,
/// <c>St. Louis, Missouri</c>). The state is the anchor; the words before it count only when the gazetteer has a place
/// of that name in that state, so "Jane Smith, MD" (a credential, not Maryland) is left alone; a word the gazetteer does
/// not know counts only when a ZIP code follows the state.
/// </summary>
internal sealed partial class CityStateFinder(UsPlaceGazetteer gazetteer)
{
    private const double ScoreWithZip = 0.9;
    private const double ScoreWithoutZip = 0.8;

    // A town too small for the gazetteer: the ZIP code after the state vouches for the line.
    private const double ScoreUnknownCityWithZip = 0.7;

    private readonly UsPlaceGazetteer _gazetteer = gazetteer;

    public void Find(string text, string detector, List<Finding> findings)
    {
        for (var match = StateAfterWord().Match(text); match.Success; match = match.NextMatch())
        {
            var state = match.Groups["state"];
            var code = UsStates.Code(state.ValueSpan);
            if (code is null)
            {
                continue;
            }

            var withZip = match.Groups["zip"].Success;
            var cityStart = FindCityStart(text, match.Index, code, out var known);
            if (cityStart < 0 || (!known && !withZip))
            {
                continue;
            }

            var end = match.Index + match.Length;
            var (score, explanation) = (known, withZip) switch
            {
                (true, true) => (ScoreWithZip, "city, state and ZIP code, city known in that state"),
                (true, false) => (ScoreWithoutZip, "city and state, city known in that state"),
                _ => (ScoreUnknownCityWithZip, "capitalized word, state and ZIP code, city not in the gazetteer"),
            };
            findings.Add(new Finding(EntityTypes.Address, FindingCategory.Phi, cityStart, end - cityStart, score, detector, explanation));
        }
    }

    // Walks back over up to MaxWords capitalized words before the state and returns the start of the longest run that
    // the gazetteer knows in that state (known = true); else the start of the last capitalized word (known = false);
    // -1 when no capitalized word comes before the state.
    private int FindCityStart(string text, int stateStart, string code, out bool known)
    {
        known = false;
        var nameEnd = stateStart;
        while (nameEnd > 0 && text[nameEnd - 1] == ' ')
        {
            nameEnd--;
        }

        if (nameEnd > 0 && text[nameEnd - 1] == ',')
        {
            nameEnd--;
        }

        Span<int> wordStarts = stackalloc int[Math.Min(_gazetteer.MaxWords, 8)];
        var words = 0;
        var position = nameEnd;
        while (words < wordStarts.Length)
        {
            var wordStart = position;
            while (wordStart > 0 && IsNameChar(text[wordStart - 1]))
            {
                wordStart--;
            }

            if (wordStart == position || !char.IsUpper(text[wordStart]))
            {
                break;
            }

            wordStarts[words++] = wordStart;
            if (wordStart < 2 || text[wordStart - 1] != ' ' || !IsNameChar(text[wordStart - 2]))
            {
                break;
            }

            position = wordStart - 1;
        }

        for (var i = words - 1; i >= 0; i--)
        {
            if (_gazetteer.TryGet(text.AsSpan(wordStarts[i], nameEnd - wordStarts[i]), out var place) && place.IsIn(code))
            {
                known = true;
                return wordStarts[i];
            }
        }

        return words > 0 ? wordStarts[0] : -1;
    }

    private static bool IsNameChar(char c) => char.IsLetter(c) || c is '.' or '\'' or '-';

    // A state (abbreviation in capitals, or full name) right after a word and an optional comma, then an optional ZIP.
    [GeneratedRegex(
        @"(?<=[\p{L}.],?[ ]{1,2})(?<state>" + UsStates.AbbreviationPattern + "|" + UsStates.NamePattern + @")(?![\w])(?:\.?,?[ ]{1,2}(?<zip>[0-9]{5}(?:-[0-9]{4})?)(?![\w-]))?",
        DetectionRegex.Options,
        DetectionRegex.MatchTimeoutMilliseconds)]
    private static partial Regex StateAfterWord();
}
