namespace Caduceus.Evaluation.Corpus;

/// <summary>
/// Generates a synthetic clinical corpus with gold spans for every Safe Harbor entity type, plus unlabelled hard
/// negatives: history and physicals, discharge summaries, referral letters, fax cover sheets, patient-portal
/// messages and phone-call transcripts (spoken digits and dates, spelled names). All values come from this code and
/// its hand-written lists; the same seed, count and vocabulary give the same corpus byte for byte.
/// </summary>
public static class ClinicalCorpusGenerator
{
    /// <summary>Label written as each document's file and into its <c>source</c> id.</summary>
    public const string SourcePrefix = "caduceus-synthetic";

    /// <summary>The documents, one at a time (a large corpus is never held in memory).</summary>
    public static IEnumerable<SyntheticDocument> Generate(int count, long seed, CorpusVocabulary vocabulary = CorpusVocabulary.All)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var lists = VocabularyLists.For(vocabulary);
        return GenerateIterator(count, seed, vocabulary, lists);
    }

    private static IEnumerable<SyntheticDocument> GenerateIterator(int count, long seed, CorpusVocabulary vocabulary, VocabularyLists lists)
    {
        var random = new DeterministicRandom(seed);
        var templates = NoteTemplates.All;
        var totalWeight = templates.Sum(t => t.Weight);
        var label = $"{SourcePrefix}:{vocabulary.ToString().ToLowerInvariant()}-seed{seed}";
        for (var i = 0; i < count; i++)
        {
            var pick = random.Next(totalWeight);
            var template = templates[0];
            foreach (var candidate in templates)
            {
                if (pick < candidate.Weight)
                {
                    template = candidate;
                    break;
                }

                pick -= candidate.Weight;
            }

            var note = new NoteRenderer(random, lists).Render(template);
            yield return new SyntheticDocument(note.Build($"{label}#{i}", label), template.Kind);
        }
    }
}
