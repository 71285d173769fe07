namespace Caduceus.Detection.Phi.Learned;

/// <summary>
/// The kinds of feature the tagger looks at. Numbers are part of the trained model's feature hashes: never reorder
/// or reuse one; add new templates at the end and retrain.
/// </summary>
internal enum FeatureTemplate : ulong
{
    Bias = 1,
    Word = 2,
    Shape = 3,
    Prefix = 4,
    Suffix = 5,
    Kind = 6,
    LexiconFlag = 7,
    PreviousWord = 8,
    NextWord = 9,
    SecondPreviousWord = 10,
    SecondNextWord = 11,
    PreviousShape = 12,
    NextShape = 13,
    ShapeTrigram = 14,
    PreviousFlags = 15,
    NextFlags = 16,
    GapBefore = 17,
    GapAfter = 18,
    GapBeforePrevious = 19,
    PreviousWordAndShape = 20,
    ShapeAndNextWord = 21,
    LineStart = 22,
    PreviousLabel = 23,
    TwoPreviousLabels = 24,
    PreviousLabelAndShape = 25,
    PreviousLabelAndWord = 26,
    PreviousWordBigram = 27,
    Flags = 28,
    LineEnd = 29,
}
