namespace Caduceus.Detection.Phi.Names;

/// <summary>One word of the inspected text, with what the lexicon knows about it.</summary>
/// <param name="Start">Offset of the first letter.</param>
/// <param name="Length">Letters, apostrophes and hyphens of the word; a possessive "'s" is not included.</param>
/// <param name="Shape">How the word is capitalized.</param>
/// <param name="Traits">What surrounds it.</param>
/// <param name="Flags">The lexicon's entry for the word.</param>
internal readonly record struct NameToken(int Start, int Length, TokenShape Shape, TokenTraits Traits, LexiconFlags Flags)
{
    public int End => Start + Length;

    public bool Has(TokenTraits trait) => (Traits & trait) != 0;

    public bool Is(LexiconFlags flags) => (Flags & flags) != 0;

    /// <summary>A capitalized, all-capitals or initial word: the shapes a name takes in running text.</summary>
    public bool IsCapitalized => Shape is TokenShape.Capitalized or TokenShape.AllCaps or TokenShape.Initial;
}
