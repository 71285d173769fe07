namespace Caduceus.Detection.Injection.Normalization;

/// <summary>The last step that produced a <see cref="PromptView"/>.</summary>
internal enum PromptViewKind
{
    /// <summary>NFKC, invisible and bidirectional control characters removed, look-alike letters folded to Latin.</summary>
    Folded,

    /// <summary>Digits and symbols inside words read as letters: 0→o, 1→i or l, 3→e, 4→a, 5→s, 7→t, @→a, $→s.</summary>
    Leetspeak,

    /// <summary>Letters rotated by 13 places.</summary>
    Rot13,

    /// <summary>The ASCII text hidden in Unicode tag characters.</summary>
    TagCharacters,

    /// <summary>The UTF-8 text hidden as bytes in runs of variation selectors.</summary>
    VariationSelectors,

    /// <summary>Base64 (standard or URL-safe) runs decoded as UTF-8.</summary>
    Base64,

    /// <summary>Hexadecimal byte runs ("69676e", "69 67 6e", "\x69\x67", "0x69 0x67") decoded as UTF-8.</summary>
    Hex,

    /// <summary>%-escapes (URL encoding) decoded as UTF-8.</summary>
    PercentEncoding,
}
