namespace Caduceus.Detection.Phi.Spoken;

/// <summary>
/// Reads a run of spoken digits and letters: number words ("five", "oh", "fifty five", "double seven", "eight
/// hundred"), letters on their own, confirmed ("S as in Sam", "M for Mary") or in the NATO alphabet, separated by
/// commas, dashes and fillers ("uh", "dash"). Stops at any other word, at a line break and at sentence punctuation.
/// Linear: every word is read once, and a run holds at most <see cref="MaxTokens"/> tokens.
/// </summary>
internal static class SpokenRunReader
{
    public const int MaxTokens = 40;

    private const int MaxValueLength = 48;
    private const int MaxGapCharacters = 8;
    private const int MaxGapFillers = 2;

    /// <summary>
    /// Start of the run that <paramref name="at"/> belongs to: single letters ("X J H one two") and NATO words
    /// ("Delta Echo Sierra") said just before it are part of the run, since the trigger search finds neither.
    /// </summary>
    public static int ExtendBackward(ReadOnlySpan<char> text, int at)
    {
        var start = at;
        for (var words = 0; words < MaxTokens; words++)
        {
            var j = start - 1;
            var gap = 0;
            while (j >= 0 && text[j] is ' ' or ',' or '-' && gap < 3)
            {
                j--;
                gap++;
            }

            if (gap == 0 || j < 0 || !char.IsAsciiLetter(text[j]))
            {
                return start;
            }

            var wordStart = j;
            while (wordStart > 0 && char.IsAsciiLetter(text[wordStart - 1]))
            {
                wordStart--;
            }

            if (wordStart > 0 && char.IsLetterOrDigit(text[wordStart - 1]))
            {
                return start;
            }

            var word = text[wordStart..(j + 1)];
            if (!(word.Length == 1 && char.IsAsciiLetterUpper(word[0])) && !SpokenWords.IsNato(word))
            {
                return start;
            }

            start = wordStart;
        }

        return start;
    }

    /// <summary>Reads the run starting at <paramref name="start"/>; false when the words there form none.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, int start, out SpokenRun run)
    {
        run = default;
        Span<SpokenToken> tokens = stackalloc SpokenToken[MaxTokens];
        Span<char> value = stackalloc char[MaxValueLength + 4];
        var count = 0;
        var length = 0;
        var position = start;
        while (count < MaxTokens && length < MaxValueLength)
        {
            var wordStart = count == 0 ? position : SkipGap(text, position);
            if (wordStart < 0 || wordStart >= text.Length)
            {
                break;
            }

            if (!TryReadToken(text, wordStart, count == 0, tokens[..count], value, length, out var token))
            {
                break;
            }

            tokens[count++] = token;
            length = token.ValueStart + token.ValueLength;
            position = token.End;
        }

        return TryFinish(tokens[..count], value, out run);
    }

    private static bool TryReadToken(
        ReadOnlySpan<char> text,
        int at,
        bool isFirst,
        ReadOnlySpan<SpokenToken> previous,
        Span<char> value,
        int length,
        out SpokenToken token)
    {
        token = default;
        var end = WordEnd(text, at);
        var word = text[at..end];
        if (word.IsEmpty)
        {
            return false;
        }

        if (char.IsAsciiDigit(word[0]))
        {
            // Digits written as digits only continue a run ("555, one two one two"), at most four at a time.
            if (isFirst || word.Length > 4 || word.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            word.CopyTo(value[length..]);
            token = new(at, end, SpokenTokenKind.Numeral, length, word.Length);
            return true;
        }

        if (SpokenWords.TryGetDigit(word, out var digit))
        {
            // "Oh, I see" is an exclamation, not a zero.
            if (isFirst && word.Length == 2 && end < text.Length && text[end] is ',' or '!' or '.' or '?')
            {
                return false;
            }

            value[length] = (char)('0' + digit);
            token = new(at, end, SpokenTokenKind.DigitWords, length, 1);
            return true;
        }

        if (SpokenWords.TryGetTeen(word, out var teen))
        {
            WriteTwoDigits(value, length, teen);
            token = new(at, end, SpokenTokenKind.DigitWords, length, 2);
            return true;
        }

        if (SpokenWords.TryGetTens(word, out var tens))
        {
            // "fifty five" or "fifty-five" is 55; "fifty" alone is 50.
            var unitStart = end < text.Length && text[end] is ' ' or '-' ? end + 1 : -1;
            if (unitStart > 0)
            {
                var unitEnd = WordEnd(text, unitStart);
                if (SpokenWords.TryGetDigit(text[unitStart..unitEnd], out var unit) && unit > 0)
                {
                    WriteTwoDigits(value, length, (tens * 10) + unit);
                    token = new(at, unitEnd, SpokenTokenKind.DigitWords, length, 2);
                    return true;
                }
            }

            WriteTwoDigits(value, length, tens * 10);
            token = new(at, end, SpokenTokenKind.DigitWords, length, 2);
            return true;
        }

        if (SpokenWords.IsHundred(word))
        {
            return TryReadHundred(text, at, end, previous, value, length, out token);
        }

        if (SpokenWords.TryGetRepeat(word, out var times))
        {
            return TryReadRepeat(text, at, end, times, value, length, out token);
        }

        if (word.Length == 1 && char.IsAsciiLetter(word[0]))
        {
            value[length] = char.ToUpperInvariant(word[0]);
            var spelledEnd = SpelledPhraseEnd(text, end, word[0]);
            token = spelledEnd > 0
                ? new(at, spelledEnd, SpokenTokenKind.SpelledLetter, length, 1)
                : new(at, end, SpokenTokenKind.PlainLetter, length, 1);
            return true;
        }

        if (SpokenWords.IsNato(word))
        {
            value[length] = char.ToUpperInvariant(word[0]);
            token = new(at, end, SpokenTokenKind.NatoLetter, length, 1);
            return true;
        }

        return false;
    }

    // "eight hundred" is 800 (as in "one eight hundred"); "two hundred twelve" 212, "one hundred twenty five" 125,
    // "two hundred and five" 205.
    private static bool TryReadHundred(
        ReadOnlySpan<char> text,
        int at,
        int end,
        ReadOnlySpan<SpokenToken> previous,
        Span<char> value,
        int length,
        out SpokenToken token)
    {
        token = default;
        if (previous.IsEmpty || previous[^1] is not { Kind: SpokenTokenKind.DigitWords, ValueLength: 1 })
        {
            return false;
        }

        if (end < text.Length && text[end] == ' ')
        {
            var nextStart = end + 1;
            var nextEnd = WordEnd(text, nextStart);
            var next = text[nextStart..nextEnd];
            if (next.Equals("and", StringComparison.OrdinalIgnoreCase) && nextEnd < text.Length && text[nextEnd] == ' ')
            {
                var unitEnd = WordEnd(text, nextEnd + 1);
                if (SpokenWords.TryGetDigit(text[(nextEnd + 1)..unitEnd], out var unit))
                {
                    value[length] = '0';
                    value[length + 1] = (char)('0' + unit);
                    token = new(at, unitEnd, SpokenTokenKind.DigitWords, length, 2);
                    return true;
                }
            }

            if (SpokenWords.TryGetTeen(next, out var teen))
            {
                WriteTwoDigits(value, length, teen);
                token = new(at, nextEnd, SpokenTokenKind.DigitWords, length, 2);
                return true;
            }

            if (SpokenWords.TryGetTens(next, out _) && TryReadToken(text, nextStart, false, previous, value, length, out var tens))
            {
                token = tens with { Start = at };
                return true;
            }
        }

        value[length] = '0';
        value[length + 1] = '0';
        token = new(at, end, SpokenTokenKind.DigitWords, length, 2);
        return true;
    }

    // "double five" is 55, "triple seven" 777, "double L" LL.
    private static bool TryReadRepeat(ReadOnlySpan<char> text, int at, int end, int times, Span<char> value, int length, out SpokenToken token)
    {
        token = default;
        if (end >= text.Length || text[end] != ' ')
        {
            return false;
        }

        var nextStart = end + 1;
        var nextEnd = WordEnd(text, nextStart);
        var next = text[nextStart..nextEnd];
        char repeated;
        var kind = SpokenTokenKind.DigitWords;
        if (SpokenWords.TryGetDigit(next, out var digit))
        {
            repeated = (char)('0' + digit);
        }
        else if (next.Length == 1 && char.IsAsciiLetterOrDigit(next[0]))
        {
            repeated = char.ToUpperInvariant(next[0]);
            kind = char.IsAsciiDigit(next[0]) ? SpokenTokenKind.DigitWords : SpokenTokenKind.PlainLetter;
        }
        else
        {
            return false;
        }

        value.Slice(length, times).Fill(repeated);
        token = new(at, nextEnd, kind, length, times);
        return true;
    }

    // " as in Sam", " for Sam", " like Sam" after a letter, the word starting with that letter: the end of the
    // phrase, or -1.
    private static int SpelledPhraseEnd(ReadOnlySpan<char> text, int letterEnd, char letter)
    {
        var i = letterEnd;
        if (i >= text.Length || text[i] != ' ')
        {
            return -1;
        }

        var rest = text[(i + 1)..];
        int skip;
        if (rest.StartsWith("as in ", StringComparison.OrdinalIgnoreCase))
        {
            skip = 6;
        }
        else if (rest.StartsWith("for ", StringComparison.OrdinalIgnoreCase))
        {
            skip = 4;
        }
        else if (rest.StartsWith("like ", StringComparison.OrdinalIgnoreCase))
        {
            skip = 5;
        }
        else
        {
            return -1;
        }

        var wordStart = i + 1 + skip;
        var wordEnd = WordEnd(text, wordStart);
        if (wordEnd - wordStart < 2 || char.ToUpperInvariant(text[wordStart]) != char.ToUpperInvariant(letter))
        {
            return -1;
        }

        return wordEnd;
    }

    // Separators between the words of one run: spaces, commas, periods, semicolons, dashes and fillers.
    private static int SkipGap(ReadOnlySpan<char> text, int position)
    {
        var characters = 0;
        var fillers = 0;
        var i = position;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or ',' or '.' or ';' or '-' or '\u2013' or '\u2014' or '\u2026')
            {
                if (++characters > MaxGapCharacters)
                {
                    return -1;
                }

                i++;
                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                return char.IsAsciiDigit(c) && i > position ? i : -1;
            }

            var end = WordEnd(text, i);
            if (!SpokenWords.IsFiller(text[i..end]))
            {
                return i > position ? i : -1;
            }

            if (++fillers > MaxGapFillers)
            {
                return -1;
            }

            i = end;
        }

        return -1;
    }

    // Letters (with an inner hyphen for "x-ray") or digits.
    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        if (start >= text.Length)
        {
            return start;
        }

        var i = start;
        if (char.IsAsciiDigit(text[i]))
        {
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            return i;
        }

        while (i < text.Length && char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        if (i - start == 1 && i + 3 < text.Length && text[i] == '-' && text[start] is 'x' or 'X'
            && text.Slice(i + 1, 3).Equals("ray", StringComparison.OrdinalIgnoreCase))
        {
            i += 4;
        }

        // Not a word of its own when letters run on into digits or non-ASCII letters ("five5", "oné").
        return i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '\'') ? start : i;
    }

    private static void WriteTwoDigits(Span<char> value, int at, int number)
    {
        value[at] = (char)('0' + (number / 10));
        value[at + 1] = (char)('0' + (number % 10));
    }

    // Drops weak tokens at the edges (a lone "I" or "a", a NATO word that is just a word), reads "O" between digits as
    // zero, and decides whether what is left is a spoken identifier at all.
    private static bool TryFinish(Span<SpokenToken> tokens, Span<char> value, out SpokenRun run)
    {
        run = default;
        var spelled = 0;
        var nato = 0;
        foreach (var token in tokens)
        {
            spelled += token.Kind == SpokenTokenKind.SpelledLetter ? 1 : 0;
            nato += token.Kind == SpokenTokenKind.NatoLetter ? 1 : 0;
        }

        // One NATO word among other words is more likely the word itself ("echo", "delta", "golf").
        var natoCounts = spelled + nato >= 2;
        var first = 0;
        var last = tokens.Length - 1;
        while (first <= last && IsWeakAtEdge(tokens[first], value, natoCounts))
        {
            first++;
        }

        while (last >= first && IsWeakAtEdge(tokens[last], value, natoCounts))
        {
            last--;
        }

        if (first > last)
        {
            return false;
        }

        var kept = tokens[first..(last + 1)];
        var digitWords = 0;
        var digits = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            var token = kept[i];
            if (token.Kind == SpokenTokenKind.NatoLetter && !natoCounts)
            {
                return false;
            }

            if (token.Kind == SpokenTokenKind.PlainLetter && value[token.ValueStart] == 'O' && token.ValueLength == 1
                && i > 0 && kept[i - 1].Kind is SpokenTokenKind.DigitWords or SpokenTokenKind.Numeral)
            {
                value[token.ValueStart] = '0';
            }

            digitWords += token.Kind == SpokenTokenKind.DigitWords ? 1 : 0;
        }

        var valueStart = kept[0].ValueStart;
        var chars = value[valueStart..(kept[^1].ValueStart + kept[^1].ValueLength)];
        foreach (var c in chars)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        var letters = chars.Length - digits;
        var spelledLetters = natoCounts ? spelled + nato : spelled;
        var isIdentifier = letters == 0
            ? digitWords >= 2 && digits >= 4
            : digits == 0
                ? spelledLetters >= 1 && letters >= 2
                : digitWords + spelledLetters >= 1 && chars.Length >= 4;
        if (!isIdentifier)
        {
            return false;
        }

        run = new SpokenRun(kept[0].Start, kept[^1].End, chars.ToString(), digits, digitWords, spelledLetters, IsCounting(kept, value));
        return true;
    }

    // "one, two, three, four" or "ten, nine, eight": counting, unless context says otherwise.
    private static bool IsCounting(ReadOnlySpan<SpokenToken> tokens, ReadOnlySpan<char> value)
    {
        if (tokens.Length < 4)
        {
            return false;
        }

        var step = 0;
        var previous = -1;
        foreach (var token in tokens)
        {
            if (token.Kind != SpokenTokenKind.DigitWords)
            {
                return false;
            }

            var number = 0;
            foreach (var c in value.Slice(token.ValueStart, token.ValueLength))
            {
                number = (number * 10) + (c - '0');
            }

            if (previous >= 0)
            {
                var difference = number - previous;
                if (difference is not (1 or -1) || (step != 0 && difference != step))
                {
                    return false;
                }

                step = difference;
            }

            previous = number;
        }

        return true;
    }

    private static bool IsWeakAtEdge(SpokenToken token, ReadOnlySpan<char> value, bool natoCounts) => token.Kind switch
    {
        SpokenTokenKind.NatoLetter => !natoCounts,
        SpokenTokenKind.PlainLetter => value[token.ValueStart] is 'I' or 'A',
        _ => false,
    };
}
