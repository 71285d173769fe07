namespace Caduceus.Detection.Phi.Names;

/// <summary>What a cue phrase says about the words after it.</summary>
internal enum CueKind : byte
{
    /// <summary>A title or honorific: "Dr.", "Mrs.", "Sra.". The next capitalized word is a name.</summary>
    Title,

    /// <summary>A label or role that names the person after it: "Name:", "signed by", "Dear", "referred by".</summary>
    Label,

    /// <summary>A self-introduction: "my name is", "me llamo". A name follows, even written in lower case.</summary>
    Introduction,

    /// <summary>A letter's closing: "Sincerely," then the signer, often on the next line.</summary>
    Closing,

    /// <summary>A relative or carer: "daughter", "wife", "caregiver", "esposo".</summary>
    Relation,

    /// <summary>A person mentioned in passing: "patient", "spoke with", "per", "hi".</summary>
    Mention,
}
