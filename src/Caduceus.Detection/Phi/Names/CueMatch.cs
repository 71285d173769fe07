namespace Caduceus.Detection.Phi.Names;

/// <summary>The cue found next to a candidate name, if any.</summary>
/// <param name="Phrase">The configured cue; null when none was found.</param>
/// <param name="Strength">How much it raises the score.</param>
internal readonly record struct CueMatch(CuePhrase? Phrase, CueStrength Strength)
{
    public bool Found => Phrase is not null;

    public static CueMatch None => default;

    /// <summary>The stronger of two matches.</summary>
    public static CueMatch Stronger(CueMatch a, CueMatch b) => b.Strength > a.Strength ? b : a;
}
