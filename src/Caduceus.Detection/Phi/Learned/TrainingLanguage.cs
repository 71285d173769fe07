using System.Collections.Frozen;

namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// Whether a text is in the language the tagger learned from (English). The tagger treats a word it has never seen as
/// name-like, and in Spanish, Portuguese or Chinese almost every word is one it has never seen: "Necesito resurtir mi
/// insulina." was labelled a name twice over. Function words tell languages apart (the classic stop-word test): a
/// text is taken as Spanish or Portuguese when it has more of their (lower-case) function words than of English ones.
/// Only lower-case words count as Spanish or Portuguese ("Ella", "Los Angeles" do not), never "a", "no" or "me", which
/// English shares, nor the particles of names and addresses ("de la Cruz", "da Silva", "Rue de la Paix") or "y"
/// ("95 y/o"); parts of web and e-mail addresses count for neither language. Chinese is told by its caseless
/// letters: more of them than words with letter case.
/// </summary>
internal static class TrainingLanguage
{
    private static readonly FrozenSet<string> EnglishWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "the", "and", "of", "to", "in", "is", "are", "am", "my", "i", "you", "for", "with", "on", "at", "it", "this", "that",
        "be", "have", "has", "can", "does", "what", "when", "how", "why", "please", "was", "not", "your",
        "he", "she", "her", "his", "we", "our", "they", "will", "would", "from", "about", "an", "or", "but", "if", "so", "need", "there");

    private static readonly FrozenSet<string> SpanishAndPortugueseWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "los", "las", "que", "en", "un", "una", "mis", "por", "para", "con", "est\u00E1", "esta", "sus", "puede", "puedo",
        "necesito", "tengo", "quiero", "c\u00F3mo", "qu\u00E9", "d\u00F3nde", "cu\u00E1ndo", "favor", "gracias", "usted",
        "hola", "pero", "muy", "m\u00E1s", "tambi\u00E9n", "porque", "cuando", "como", "ma\u00F1ana", "hoy", "yo", "\u00E9l",
        "ella", "estoy", "tiene", "minha", "meu", "meus", "minhas", "n\u00E3o", "\u00E9", "voc\u00EA",
        "voc\u00EAs", "posso", "preciso", "quero", "estou", "obrigado", "obrigada", "ol\u00E1", "tenho", "pode", "mas",
        "muito", "mais", "tamb\u00E9m", "quando", "amanh\u00E3", "hoje", "ontem", "ele", "ela", "eu", "seu", "sua", "ao",
        "aos", "\u00E0", "pelo", "pela", "isso", "este", "mi", "com", "su", "es", "uma", "dor", "tem");

    /// <summary>
    /// True when <paramref name="text"/> reads as English, or gives nothing to tell by (a name alone, an address);
    /// false for a text in Spanish or Portuguese, or mostly in a script without letter case (Chinese).
    /// </summary>
    public static bool IsEnglish(ReadOnlySpan<char> text)
    {
        var english = EnglishWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var foreign = SpanishAndPortugueseWords.GetAlternateLookup<ReadOnlySpan<char>>();
        int englishWords = 0, foreignWords = 0, caselessLetters = 0, casedWords = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            if (!char.IsUpper(c) && !char.IsLower(c))
            {
                caselessLetters++;
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsUpper(text[i]) || char.IsLower(text[i])))
            {
                i++;
            }

            // Parts of a web or e-mail address ("example.com", "site.de", "mail@host") say nothing of the language.
            if (start > 0 && text[start - 1] is '.' or '@' or '/')
            {
                continue;
            }

            casedWords++;
            var word = text[start..i];
            englishWords += english.Contains(word) ? 1 : 0;
            foreignWords += char.IsLower(c) && foreign.Contains(word) ? 1 : 0;
        }

        return !(caselessLetters > 0 && caselessLetters >= casedWords) && foreignWords <= englishWords;
    }
}
