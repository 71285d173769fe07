using System.Buffers;
using Caduceus.Detection.Phi.Learned;

namespace Caduceus.Detection.Phi.Names;

/// <summary>
/// Finds people's names: patients, relatives, clinicians. Words are looked up in gazetteers of given names and
/// surnames (US Census 1990, the Bogus locales, the project's own lists of many origins); the score combines what the
/// words are, how they are arranged ("Maria Lopez", "Lopez, Maria", "J. Lopez", "de la Cruz", "O'Brien") and the
/// cues around them ("Dr.", "my name is", "daughter", "Sincerely,", ", RN"). Eponyms ("Parkinson disease"),
/// organizations ("Grace Hospital"), places ("lives in Austin") and dates ("since June") are not reported.
/// </summary>
/// <remarks>
/// The gazetteers are loaded once per process, when the first recognizer is constructed, into one frozen dictionary.
/// Each text is split into words once;
/// a text with no capital letter and no cue for a lower-case name is skipped unscanned. Stateless and thread-safe.
/// </remarks>
public sealed class NameRecognizer : IDetector
{
    /// <summary>Candidates scoring below this are not reported at all (policy's default threshold is 0.5).</summary>
    public const double MinimumScore = 0.4;

    // Only these cues can introduce a name written all in lower case ("my name is maria", "daughter ana").
    private static readonly SearchValues<string> LowercaseCues = SearchValues.Create([.. NameCues.LowercaseCueWords], StringComparison.OrdinalIgnoreCase);

    private readonly NameLexicon _lexicon;

    /// <summary>
    /// A recognizer with the built-in gazetteers. The first one built in a process loads them (about a second), so
    /// that a host pays at start-up rather than on its first request; later ones share them.
    /// </summary>
    public NameRecognizer()
        : this(NameLexicon.Default)
    {
    }

    internal NameRecognizer(NameLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _lexicon = lexicon;
    }

    /// <inheritdoc />
    public string Name => nameof(NameRecognizer);

    /// <inheritdoc />
    public void Detect(DetectionInput input, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(input.Text);
        ArgumentNullException.ThrowIfNull(findings);

        var text = input.Text;
        if (!MayContainName(text))
        {
            return;
        }

        using var document = new NameDocument(text, _lexicon);
        var candidates = new List<NameCandidate>();
        NameSegmenter.Find(document, candidates);
        bool? english = null;
        foreach (var candidate in candidates)
        {
            if (NameSuppression.Reason(document, candidate) is not null)
            {
                continue;
            }

            var last = ExtendLast(document, candidate);
            var after = NameCues.FindAfter(document, last, candidate.Before);
            var score = NameScorer.Score(document, candidate, after);
            if (score.Value < MinimumScore || IsLoneSentenceOpenerOutsideEnglish(document, candidate, after, ref english))
            {
                continue;
            }

            var start = document[candidate.First].Start;
            var end = EndWithSuffix(document, last);
            findings.Add(new Finding(EntityTypes.Name, FindingCategory.Phi, start, end - start, score.Value, Name, score.Explanation));
        }
    }

    // The gazetteers hold many words of other languages as surnames ("Hay", "Posso", "Quero"); in English a capitalized
    // gazetteer word is evidence, in a Spanish or Portuguese sentence's first word only a given name is, or a cue.
    private static bool IsLoneSentenceOpenerOutsideEnglish(NameDocument document, NameCandidate candidate, CueMatch after, ref bool? english) =>
        candidate.First == candidate.Last
        && candidate.Before.Strength == CueStrength.None
        && after.Strength == CueStrength.None
        && SentenceStart.IsAt(document.Text, document[candidate.First].Start)
        && !document[candidate.First].Is(LexiconFlags.GivenName)
        && !(english ??= TrainingLanguage.IsEnglish(document.Text));

    private static bool MayContainName(string text)
    {
        var span = text.AsSpan();
        return span.ContainsAnyInRange('A', 'Z') || span.ContainsAnyExceptInRange('\0', '\u007F') || span.ContainsAny(LowercaseCues);
    }

    // After a strong cue, a lower-case surname still belongs to the name: "my name is Maria lopez".
    private static int ExtendLast(NameDocument document, NameCandidate candidate)
    {
        var last = candidate.Last;
        if (candidate.Before.Strength < CueStrength.Strong || candidate.Form == CandidateForm.Lowercase)
        {
            return last;
        }

        while (last + 1 < document.Count && document.IsSpaceBefore(last + 1) && document[last + 1].Shape == TokenShape.Lower
            && document.ClassOf(last + 1) == NameWordClass.Name && last - candidate.First < 4)
        {
            last++;
        }

        return last;
    }

    // "John Smith Jr": a generational suffix belongs to the name it follows.
    private static int EndWithSuffix(NameDocument document, int last)
    {
        var next = last + 1;
        if (next < document.Count && document[next].Is(LexiconFlags.Suffix) && document[next].IsCapitalized
            && (document.IsSpaceBefore(next) || document.GapBefore(next) is ", "))
        {
            return document[next].End;
        }

        return document[last].End;
    }
}
