namespace Caduceus.Detection.Phi.Names;

/// <summary>A cue: one or more lower-case words that introduce a name.</summary>
internal sealed class CuePhrase
{
    public CuePhrase(string text, CueKind kind)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Text = text;
        Kind = kind;
        Words = text.Split(' ');
    }

    /// <summary>The phrase as configured; explanations quote it (never the text's own spelling).</summary>
    public string Text { get; }

    public CueKind Kind { get; }

    public string[] Words { get; }

    /// <summary>Strength next to a name; a colon after a relation or mention makes it a label ("Patient: ...").</summary>
    public CueStrength StrengthWhenAdjacent(bool labelled) => Kind switch
    {
        CueKind.Title => CueStrength.Title,
        CueKind.Label or CueKind.Introduction or CueKind.Closing => CueStrength.Strong,
        _ => labelled ? CueStrength.Strong : CueStrength.Medium,
    };
}
