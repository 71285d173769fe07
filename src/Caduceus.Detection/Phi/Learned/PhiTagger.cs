using System.Buffers;
using Caduceus.Detection.Phi.Addresses;
using Caduceus.Detection.Phi.Names;

namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// A learned recognizer: labels each word of a text with a PHI type or "not PHI", left to right, from features of
/// the word, its neighbours, the punctuation between them and the labels already given (a greedy averaged-perceptron
/// tagger trained by <c>caduceus train phi</c>). It catches what the pattern recognizers have no rule for, such as a
/// foreign address or phone number, and runs beside them: the analyzer keeps the stronger of overlapping findings.
/// It runs after the pattern recognizers and reports nothing they already cover: what it adds is what they missed.
/// Consecutive words with the same label, separated by at most a few characters, make one finding; its score is the
/// words' mean confidence, at most 0.85. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The recall bias favours only the free-form types, names, addresses and phone and fax numbers, where patterns run
/// out. Identifiers with a recognizer that validates them completely (dates, ages, SSN, e-mail, URL, IP) are left to
/// it; the tagger's labels for them serve only to keep such a value from being taken for a name or an address.
/// Record, plan, account, licence, vehicle and device numbers are reported without the bias. A reported span must
/// look like its type: a phone number has 7 to 18 digits and is not an IPv4 address, a name no digit and a word not known only as a
/// place, month or clinical term (letters spelled one by one count), an address a street, unit or place word
/// or a word no word list knows as common or clinical ("Kulusuk", not "Visit"), an
/// identifier at least six digits or a five-character word that mixes letters and digits.
/// </remarks>
public sealed class PhiTagger : IDetector
{
    private const int MaxJoinGap = 4;

    // Below the validated recognizers (checksums, parsed addresses): where both see the same span, theirs stands.
    private const double MaxScore = 0.85;

    private const double ReportedScore = 0.5;

    private static readonly string[] FreeFormTypes = [EntityTypes.Name, EntityTypes.Address, EntityTypes.Phone, EntityTypes.Fax];

    private static readonly HashSet<string> UnitWords = new(["suite", "unit", "box", "floor", "building", "bldg", "room", "flat", "po"], StringComparer.OrdinalIgnoreCase);

    private static readonly string[] IdentifierTypes =
    [
        EntityTypes.Mrn, EntityTypes.HealthPlanId, EntityTypes.Account, EntityTypes.License,
        EntityTypes.Vehicle, EntityTypes.DeviceId, EntityTypes.OtherId,
    ];

    private readonly PhiTaggerModel _model;
    private readonly NameLexicon _lexicon;
    private readonly bool[] _reported;
    private readonly bool[] _favoured;

    /// <summary>A tagger with the built-in model (loaded once per process).</summary>
    public PhiTagger()
        : this(PhiTaggerModel.Default, NameLexicon.Default)
    {
    }

    /// <summary>A tagger with a model of its own, e.g. one read with <see cref="PhiTaggerModel.Read"/>.</summary>
    public PhiTagger(PhiTaggerModel model)
        : this(model, NameLexicon.Default)
    {
    }

    internal PhiTagger(PhiTaggerModel model, NameLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(lexicon);
        _model = model;
        _lexicon = lexicon;
        _favoured = [.. model.Labels.Select(label => FreeFormTypes.Contains(label))];
        _reported = [.. model.Labels.Select(label => FreeFormTypes.Contains(label) || IdentifierTypes.Contains(label))];
    }

    /// <inheritdoc />
    public string Name => nameof(PhiTagger);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var document = new TaggerDocument(input.Text, _lexicon);
        if (document.Count == 0)
        {
            return;
        }

        var labels = ArrayPool<int>.Shared.Rent(document.Count);
        var confidences = ArrayPool<float>.Shared.Rent(document.Count);
        try
        {
            Tag(document, labels, confidences);
            AddFindings(document, labels, confidences, findings);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(labels);
            ArrayPool<float>.Shared.Return(confidences);
        }
    }

    /// <summary>Labels every word of <paramref name="document"/> (0 = not PHI) with the confidence of each label.</summary>
    internal void Tag(TaggerDocument document, Span<int> labels, Span<float> confidences)
    {
        Span<ulong> features = stackalloc ulong[TaggerDocument.MaxFeatures];
        Span<float> scores = stackalloc float[_model.ScoreWidth];
        int previous = 0, secondPrevious = 0;
        for (var i = 0; i < document.Count; i++)
        {
            var count = document.Features(i, previous, secondPrevious, features);
            _model.Score(features[..count], scores);
            var best = 1;
            var bestScore = float.NegativeInfinity;
            for (var label = 1; label < _model.Labels.Count; label++)
            {
                var score = _favoured[label] ? scores[label] + _model.RecallBias : scores[label];
                if (score > bestScore)
                {
                    best = label;
                    bestScore = score;
                }
            }

            var margin = bestScore - scores[0];
            labels[i] = margin > 0 ? best : 0;
            confidences[i] = 1f / (1f + MathF.Exp(-Math.Abs(margin)));
            secondPrevious = previous;
            previous = labels[i];
        }
    }

    private void AddFindings(TaggerDocument document, Span<int> labels, Span<float> confidences, List<Finding> findings)
    {
        var tokens = document.Tokens;
        bool? english = null;
        var i = 0;
        while (i < document.Count)
        {
            var label = labels[i];
            if (label == 0)
            {
                i++;
                continue;
            }

            var first = i;
            var confidence = confidences[i];
            while (i + 1 < document.Count && labels[i + 1] == label && tokens[i + 1].Start - tokens[i].End <= MaxJoinGap)
            {
                i++;
                confidence += confidences[i];
            }

            var type = _model.Labels[label];
            var words = i - first + 1;
            var last = i;
            i++;
            if (type == EntityTypes.Name)
            {
                (first, last) = WithoutOrdinaryWords(document, first, last);
            }

            if (first > last || !_reported[label])
            {
                continue;
            }

            var start = tokens[first].Start;
            var end = tokens[last].End;
            if (type is EntityTypes.Phone or EntityTypes.Fax)
            {
                (start, end) = WholeNumber(document.Text, start, end);
            }

            if (type == EntityTypes.Name && !(english ??= TrainingLanguage.IsEnglish(document.Text)))
            {
                (first, last) = WithoutUncapitalizedWords(document, first, last);
                if (first <= last && OpensASentenceWithoutBeingAGivenName(document, first))
                {
                    first++;
                }

                if (first > last)
                {
                    continue;
                }

                (start, end) = (tokens[first].Start, tokens[last].End);
            }

            if (type == EntityTypes.Address && !(english ??= TrainingLanguage.IsEnglish(document.Text))
                && !HasAddressEvidenceOutsideEnglish(document, first, last))
            {
                continue;
            }

            if (!LooksLike(type, document.Text.AsSpan(start, end - start))
                || (type == EntityTypes.Name && first == last && IsCommonWordStartingASentence(document, first))
                || AlreadyReported(findings, start, end))
            {
                continue;
            }

            var score = Math.Round(Math.Min(MaxScore, confidence / words), 2);
            findings.Add(new Finding(type, FindingCategory.Phi, start, end - start, score, Name, $"learned tagger labelled {last - first + 1} word(s) {type}"));
        }
    }

    // The recognizers ran first; a span one of them already reports is theirs (validated, typed), whatever the label
    // here. A candidate they scored below the policy's default threshold is not reported, so it does not count.
    private static bool AlreadyReported(List<Finding> findings, int start, int end)
    {
        foreach (var finding in findings)
        {
            if (finding.Category == FindingCategory.Phi && finding.Score >= ReportedScore && finding.Start <= start && finding.End >= end)
            {
                return true;
            }
        }

        return false;
    }

    // "Dr. Okafor can be reached": ordinary words at either end of a name ("can", though also a surname, is lower case) are not part of it.
    private (int First, int Last) WithoutOrdinaryWords(TaggerDocument document, int first, int last)
    {
        while (first <= last && IsOrdinaryWord(document, first))
        {
            first++;
        }

        while (last >= first && IsOrdinaryWord(document, last))
        {
            last--;
        }

        return (first, last);
    }

    private bool IsOrdinaryWord(TaggerDocument document, int i)
    {
        var token = document.Tokens[i];
        var word = document.Text.AsSpan(token.Start, token.Length);
        var flags = _lexicon.Lookup(word);
        return (flags & (LexiconFlags.CommonWord | LexiconFlags.NonName | LexiconFlags.Cue)) != 0
            && ((flags & (LexiconFlags.GivenName | LexiconFlags.Surname)) == 0 || !char.IsUpper(word[0]));
    }

    // Outside English the tagger's word knowledge is no evidence, but the languages it meets here capitalize names
    // and not much else: a name keeps only its capitalized words, and a capitalized word opening a sentence only if it
    // is a given name ("Necesito resurtir mi insulina.", "Aceptan Medicaid"). Scripts without letter case (Chinese) keep nothing.
    private bool OpensASentenceWithoutBeingAGivenName(TaggerDocument document, int i)
    {
        var token = document.Tokens[i];
        return SentenceStart.IsAt(document.Text, token.Start)
            && (_lexicon.Lookup(document.Text.AsSpan(token.Start, token.Length)) & LexiconFlags.GivenName) == 0;
    }

    private static (int First, int Last) WithoutUncapitalizedWords(TaggerDocument document, int first, int last)
    {
        while (first <= last && !char.IsUpper(document.Text[document.Tokens[first].Start]))
        {
            first++;
        }

        while (last >= first && !char.IsUpper(document.Text[document.Tokens[last].Start]))
        {
            last--;
        }

        return (first, last);
    }

    // Outside English an unknown word is no sign of a place ("consulta de terça para quinta-feira"); a number, a
    // street or place word, or a capitalized word inside a sentence is.
    private bool HasAddressEvidenceOutsideEnglish(TaggerDocument document, int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            var token = document.Tokens[i];
            var word = document.Text.AsSpan(token.Start, token.Length);
            if (char.IsDigit(word[0])
                || (_lexicon.Lookup(word) & (LexiconFlags.Street | LexiconFlags.Place)) != 0
                || UnitWords.Contains(word.ToString())
                || (char.IsUpper(word[0]) && !SentenceStart.IsAt(document.Text, token.Start)))
            {
                return true;
            }
        }

        return false;
    }

    // "First, what blood sugar is": a lone common word that is capitalized only because it starts a sentence is not
    // evidence of a name, even if some list also knows it as a surname.
    private bool IsCommonWordStartingASentence(TaggerDocument document, int i)
    {
        var token = document.Tokens[i];
        if ((_lexicon.Lookup(document.Text.AsSpan(token.Start, token.Length)) & LexiconFlags.CommonWord) == 0)
        {
            return false;
        }

        var before = document.Text.AsSpan(0, token.Start).TrimEnd();
        return before.IsEmpty || before[^1] is '.' or '!' or '?' or ':' or '\n' || token.Start == 0
            || document.Text.AsSpan(0, token.Start).TrimEnd(' ').EndsWith('\n');
    }

    // A phone number the tagger labelled in part ("28-64-66-98" with "28" left out) is widened to the digits and
    // separators around it on the same line, so that the whole number is judged and covered.
    private static (int Start, int End) WholeNumber(string text, int start, int end)
    {
        while (start > 0 && IsPhoneChar(text[start - 1]) && !(text[start - 1] == ' ' && start > 1 && text[start - 2] == ' '))
        {
            start--;
        }

        while (end < text.Length && IsPhoneChar(text[end]) && !(text[end] == ' ' && end + 1 < text.Length && text[end + 1] == ' '))
        {
            end++;
        }

        while (start < end && !char.IsAsciiDigit(text[start]) && text[start] is not ('+' or '('))
        {
            start++;
        }

        while (end > start && !char.IsAsciiDigit(text[end - 1]) && text[end - 1] != ')')
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsIpAddress(ReadOnlySpan<char> span) => span.Count('.') == 3 && System.Net.IPAddress.TryParse(span, out _);

    private static bool IsPhoneChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+';

    private bool LooksLike(string type, ReadOnlySpan<char> span)
    {
        var digits = 0;
        var letters = 0;
        var extensionLetters = 0;
        var word = 0;
        var wordHasDigit = false;
        var wordHasLetter = false;
        var mixedWord = false;
        foreach (var c in span)
        {
            var isDigit = char.IsDigit(c);
            var isLetter = char.IsLetter(c);
            digits += isDigit ? 1 : 0;
            letters += isLetter ? 1 : 0;
            extensionLetters += c is 'x' or 'X' or 'e' or 't' ? 1 : 0;
            if (isDigit || isLetter)
            {
                word++;
                wordHasDigit |= isDigit;
                wordHasLetter |= isLetter;
                mixedWord |= word >= 5 && wordHasDigit && wordHasLetter;
            }
            else
            {
                (word, wordHasDigit, wordHasLetter) = (0, false, false);
            }
        }

        return type switch
        {
            EntityTypes.Phone or EntityTypes.Fax => digits is >= 7 and <= 18 && letters == extensionLetters && letters <= 3 && !IsIpAddress(span),
            EntityTypes.Name => digits == 0 && letters >= 2 && HasNameWord(span),
            EntityTypes.Address => HasPlaceWord(span),
            _ => digits >= 6 || mixedWord,
        };
    }

    // A state, a month or a clinical word alone is not a name ("Illinois"); a word some list knows as a name, or one
    // no list knows at all, may be.
    private bool HasNameWord(ReadOnlySpan<char> span)
    {
        const LexiconFlags NameWords = LexiconFlags.GivenName | LexiconFlags.Surname;
        const LexiconFlags OtherWords = LexiconFlags.Place | LexiconFlags.Street | LexiconFlags.Month | LexiconFlags.NonName
            | LexiconFlags.Nationality | LexiconFlags.Organization | LexiconFlags.Cue | LexiconFlags.Abbreviation | LexiconFlags.CommonWord;
        foreach (var range in span.SplitAny(" \t\r\n,.-'"))
        {
            var word = span[range];
            if (word.IsEmpty)
            {
                continue;
            }

            var flags = _lexicon.Lookup(word);
            if ((flags & NameWords) != 0 || ((flags & OtherWords) == 0 && UsStates.Code(word) is null))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasPlaceWord(ReadOnlySpan<char> span)
    {
        const LexiconFlags PlaceWords = LexiconFlags.Street | LexiconFlags.Place;
        const LexiconFlags OrdinaryWords = LexiconFlags.CommonWord | LexiconFlags.NonName | LexiconFlags.Cue
            | LexiconFlags.Month | LexiconFlags.Abbreviation | LexiconFlags.MedicalTerm | LexiconFlags.Nationality;
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && (char.IsLetter(span[i]) || char.GetUnicodeCategory(span[i]) is System.Globalization.UnicodeCategory.NonSpacingMark))
            {
                i++;
            }

            var word = span[start..i];
            if (word.Length < 2 || (i < span.Length && char.IsDigit(span[i])) || (start > 0 && char.IsDigit(span[start - 1])))
            {
                continue;
            }

            var flags = _lexicon.Lookup(word);
            if ((flags & PlaceWords) != 0 || (flags & OrdinaryWords) == 0 || UnitWords.Contains(word.ToString()))
            {
                return true;
            }
        }

        return false;
    }
}
