using System.Numerics;

namespace Caduceus.Detection.Injection.Normalization;

/// <summary>
/// What <see cref="PromptNormalizer"/> made of a prompt: the derived texts to scan besides the prompt itself, and the
/// evasion techniques it saw with where they are.
/// </summary>
internal sealed class NormalizedPrompt
{
    private readonly (int Start, int End)[] _spans;

    internal NormalizedPrompt(IReadOnlyList<PromptView> views, EvasionTechniques evasions, (int Start, int End)[] spans)
    {
        Views = views;
        Evasions = evasions;
        _spans = spans;
    }

    /// <summary>Derived texts, in the order they were produced; never the prompt itself.</summary>
    public IReadOnlyList<PromptView> Views { get; }

    /// <summary>Every technique seen, at any decoding depth.</summary>
    public EvasionTechniques Evasions { get; }

    /// <summary>Where in the prompt <paramref name="technique"/> (a single flag) was seen; false when it was not.</summary>
    public bool TryGetSpan(EvasionTechniques technique, out int start, out int end)
    {
        if ((Evasions & technique) == 0 || !BitOperations.IsPow2((uint)technique))
        {
            start = end = 0;
            return false;
        }

        (start, end) = _spans[BitOperations.TrailingZeroCount((uint)technique)];
        return true;
    }
}
