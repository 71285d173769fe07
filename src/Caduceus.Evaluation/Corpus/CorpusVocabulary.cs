namespace Caduceus.Evaluation.Corpus;

/// <summary>Which half of the hand-written name and place lists a corpus draws from.</summary>
public enum CorpusVocabulary
{
    /// <summary>Every name and place.</summary>
    All,

    /// <summary>Entries at even positions of each list: for the development corpus.</summary>
    Dev,

    /// <summary>Entries at odd positions: for the test corpus, so its names and places never occur in the development one.</summary>
    Test,
}
