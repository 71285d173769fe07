using System.Globalization;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Splits a text into words once, left to right, with their spans, capitalization and lexicon entry. A word is a
/// run of letters that may contain an apostrophe or hyphen between letters ("O'Brien", "Okonkwo-Adeyemi"); a
/// possessive "'s" ends it. Linear in the text, no regular expressions.
/// </summary>
internal static class NameTokenizer
{
    /// <summary>Appends the words of <paramref name="text"/> to <paramref name="tokens"/>.</summary>
    public static void Tokenize(string text, NameLexicon lexicon, TokenBuffer tokens)
    {
        var chunkFirstToken = 0;
        var chunkIsCompound = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsLetter(c))
            {
                if (IsChunkBreak(c))
                {
                    EndChunk(tokens, chunkFirstToken, chunkIsCompound);
                    chunkFirstToken = tokens.Count;
                    chunkIsCompound = false;
                }
                else if (IsCompoundMarker(text, i))
                {
                    chunkIsCompound = true;
                }

                i++;
                continue;
            }

            i = ReadWord(text, i, lexicon, tokens);
        }

        EndChunk(tokens, chunkFirstToken, chunkIsCompound);
    }

    private static int ReadWord(string text, int start, NameLexicon lexicon, TokenBuffer tokens)
    {
        var traits = TokenTraits.None;
        var upper = 0;
        var lower = 0;
        var capitalAfterJoiner = false;
        var i = start;
        var end = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsLetter(c))
            {
                if (char.IsUpper(c))
                {
                    upper++;
                    capitalAfterJoiner |= i > start && IsJoiner(text[i - 1]);
                }
                else if (char.IsLower(c))
                {
                    lower++;
                }

                i++;
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (NameText.IsApostrophe(c) && IsLetter(next))
            {
                // "Maria's" (possessive or "Maria is"): the name ends before the apostrophe.
                if (next is 's' or 'S' && !IsLetterOrDigit(i + 2 < text.Length ? text[i + 2] : '\0'))
                {
                    traits |= TokenTraits.Possessive;
                    end = i;
                    i += 2;
                    break;
                }

                traits |= TokenTraits.Apostrophe;
                i++;
                continue;
            }

            if (c is '-' or '\u2010' && IsLetter(next))
            {
                traits |= TokenTraits.Hyphenated;
                i++;
                continue;
            }

            break;
        }

        if (end < 0)
        {
            end = i;

            // "Graves'": an apostrophe after a final s, not followed by a letter, is a plural possessive.
            if (i < text.Length && NameText.IsApostrophe(text[i]) && text[i - 1] is 's' or 'S'
                && !IsLetterOrDigit(i + 1 < text.Length ? text[i + 1] : '\0'))
            {
                traits |= TokenTraits.Possessive;
                i++;
            }
        }

        if (end < text.Length && text[end] == '.')
        {
            traits |= TokenTraits.PeriodAfter;
        }

        if ((start > 0 && char.IsAsciiDigit(text[start - 1])) || (i < text.Length && char.IsAsciiDigit(text[i])))
        {
            traits |= TokenTraits.TouchesDigit;
        }

        var length = end - start;
        var shape = ShapeOf(text[start], upper, lower, length, capitalAfterJoiner);
        var flags = length <= NameText.MaxWordLength ? lexicon.Lookup(text.AsSpan(start, length)) : LexiconFlags.None;
        tokens.Add(new NameToken(start, length, shape, traits, flags));
        return i;
    }

    private static TokenShape ShapeOf(char first, int upper, int lower, int length, bool capitalAfterJoiner)
    {
        if (char.IsUpper(first))
        {
            if (length == 1)
            {
                return TokenShape.Initial;
            }

            return lower == 0 ? TokenShape.AllCaps : TokenShape.Capitalized;
        }

        if (char.IsLower(first))
        {
            // "al-Hassan", "d'Angelo": a particle glued to a capitalized name.
            if (capitalAfterJoiner)
            {
                return TokenShape.Capitalized;
            }

            return upper == 0 ? TokenShape.Lower : TokenShape.Other;
        }

        return TokenShape.Other;
    }

    // Whitespace ends a chunk: the unit an e-mail address, URL or handle lives in.
    private static bool IsChunkBreak(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' || (c > 0x7F && char.IsWhiteSpace(c));

    private static bool IsCompoundMarker(string text, int i) => text[i] switch
    {
        '@' or '_' or '\\' or '=' => true,
        ':' => i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/',
        _ => false,
    };

    private static void EndChunk(TokenBuffer tokens, int firstToken, bool isCompound)
    {
        if (!isCompound)
        {
            return;
        }

        for (var t = firstToken; t < tokens.Count; t++)
        {
            var token = tokens[t];
            tokens[t] = token with { Traits = token.Traits | TokenTraits.InCompound };
        }
    }

    private static bool IsJoiner(char c) => c is '-' or '\u2010' || NameText.IsApostrophe(c);

    private static bool IsLetterOrDigit(char c) => char.IsAsciiDigit(c) || IsLetter(c);

    /// <summary>A letter, or a combining accent that belongs to the letter before it.</summary>
    public static bool IsLetter(char c)
    {
        if (c < 0x80)
        {
            return char.IsAsciiLetter(c);
        }

        if (char.IsLetter(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
