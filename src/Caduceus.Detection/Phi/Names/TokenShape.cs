namespace Caduceus.Detection.Phi.Names;

/// <summary>How a word is capitalized.</summary>
internal enum TokenShape : byte
{
    /// <summary>Starts with a lower-case letter ("maria", "van").</summary>
    Lower,

    /// <summary>Starts with a capital and has lower-case letters: "Maria", "McDonald", "O'Brien", "al-Hassan".</summary>
    Capitalized,

    /// <summary>Two or more letters, all capitals: "MARIA", "ED".</summary>
    AllCaps,

    /// <summary>A single capital letter: an initial ("J.") or "I" or "A".</summary>
    Initial,

    /// <summary>Letters of a script without case (Arabic, CJK), or lower-case first with capitals later ("eGFR").</summary>
    Other,
}
