namespace Caduceus.Detection.Phi.Names;

/// <summary>How much a cue raises the score of the name after (or before) it, weakest first.</summary>
internal enum CueStrength : byte
{
    None,

    /// <summary>A cue earlier in the same sentence, not next to the name.</summary>
    Nearby,

    /// <summary>A relation or mention next to the name: "daughter Maria", "spoke with Maria".</summary>
    Medium,

    /// <summary>A label, introduction or closing next to the name, or a relation written as a label ("Son: Mark").</summary>
    Strong,

    /// <summary>A title before the name or a credential after it: "Dr. Okonkwo", "Ortiz, RN".</summary>
    Title,
}
