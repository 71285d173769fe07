using Caduceus.Evaluation.Corpus.Lists;

namespace Caduceus.Evaluation.Corpus;

/// <summary>The name and place lists a generator uses, cut to one <see cref="CorpusVocabulary"/> half.</summary>
internal sealed class VocabularyLists
{
    private VocabularyLists(CorpusVocabulary part)
    {
        GivenNames = Cut(PersonNames.Given, part);
        FamilyNames = Cut(PersonNames.Family, part);
        Streets = Cut(Places.Streets, part);
        Cities = Cut(Places.Cities, part);
        Counties = Cut(Places.Counties, part);
    }

    public string[] GivenNames { get; }

    public string[] FamilyNames { get; }

    public string[] Streets { get; }

    public string[] Cities { get; }

    public string[] Counties { get; }

    public static VocabularyLists For(CorpusVocabulary part) => part switch
    {
        CorpusVocabulary.All or CorpusVocabulary.Dev or CorpusVocabulary.Test => new VocabularyLists(part),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown vocabulary part."),
    };

    private static string[] Cut(string[] list, CorpusVocabulary part) => part switch
    {
        CorpusVocabulary.Dev => [.. list.Where((_, i) => i % 2 == 0)],
        CorpusVocabulary.Test => [.. list.Where((_, i) => i % 2 == 1)],
        _ => list,
    };
}
