namespace Caduceus.Detection.Phi.Spoken;

/// <summary>How a piece of a spoken identifier was said.</summary>
internal enum SpokenTokenKind : byte
{
    /// <summary>Digits said as words: "five", "oh", "fifty five", "double seven", "eight hundred".</summary>
    DigitWords,

    /// <summary>Digits written as digits inside a spoken run ("555, one two one two").</summary>
    Numeral,

    /// <summary>A letter confirmed by a word: "S as in Sam", "M for Mary".</summary>
    SpelledLetter,

    /// <summary>A letter of the NATO alphabet: "Sierra".</summary>
    NatoLetter,

    /// <summary>A letter said on its own: "I", "T", "H".</summary>
    PlainLetter,
}
