namespace Caduceus.Detection.Injection.Normalization;

/// <summary>Limits of <see cref="PromptNormalizer"/>: they bound the work an adversarial prompt can cause.</summary>
internal sealed record PromptNormalizerOptions
{
    /// <summary>The defaults below.</summary>
    public static PromptNormalizerOptions Default { get; } = new();

    /// <summary>
    /// How many decodings deep to follow (base64 inside base64 inside hex is 3). Default 3; at least 1. Encoded text
    /// found at the limit is left undecoded and reported as <see cref="EvasionTechniques.DecodingLimit"/>.
    /// </summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>
    /// Characters of decoded text produced per prompt, over all depths. Default 64 Ki; at least 1. Decoding stops when
    /// it is spent and reports <see cref="EvasionTechniques.DecodingLimit"/>.
    /// </summary>
    public int MaxDecodedChars { get; init; } = 64 * 1024;

    /// <summary>Derived texts per prompt. Default 64; at least 1. Bounds the number of detector passes.</summary>
    public int MaxViews { get; init; } = 64;

    /// <summary>
    /// Shortest run of base64 or hexadecimal characters worth decoding. Default 16 (12 bytes of base64, 8 of hex);
    /// from 8 to 40. Shorter runs are ordinary words and numbers far more often than hidden instructions; the upper
    /// bound keeps runs within what <see cref="EncodedRunFinder"/> finds 64 characters at a time.
    /// </summary>
    public int MinEncodedLength { get; init; } = 16;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first limit out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1, nameof(MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDecodedChars, 1, nameof(MaxDecodedChars));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxViews, 1, nameof(MaxViews));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinEncodedLength, 8, nameof(MinEncodedLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinEncodedLength, 40, nameof(MinEncodedLength));
    }
}
