namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// Ways of hiding text from detectors that <see cref="PromptNormalizer"/> saw in a prompt. Ordinary patient and staff
/// messages have no use for them, so their presence is itself a sign of an attack.
/// </summary>
[Flags]
internal enum EvasionTechniques
{
    None = 0,

    /// <summary>Zero-width or other invisible characters between the letters of a word ("ig&#x200B;nore").</summary>
    InvisibleCharacters = 1 << 0,

    /// <summary>Bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069).</summary>
    BidiControls = 1 << 1,

    /// <summary>Text smuggled in Unicode tag characters (U+E0020–U+E007E), other than an emoji subdivision flag.</summary>
    TagSmuggling = 1 << 2,

    /// <summary>Text smuggled as bytes in a run of variation selectors ("emoji smuggling").</summary>
    VariationSelectorSmuggling = 1 << 3,

    /// <summary>A word mixing Latin letters with Cyrillic, Greek or Armenian look-alikes.</summary>
    MixedScript = 1 << 4,

    /// <summary>Decoding stopped at the depth, size or view limit with encoded text left undecoded.</summary>
    DecodingLimit = 1 << 5,
}
