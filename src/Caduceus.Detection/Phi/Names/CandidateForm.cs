namespace Caduceus.Detection.Phi.Names;

/// <summary>How a candidate name is written.</summary>
internal enum CandidateForm : byte
{
    /// <summary>Capitalized words in reading order: "Maria Lopez", "J. Smith", "Dr. Okonkwo".</summary>
    Words,

    /// <summary>"Lopez, Maria": a surname, a comma, then a given name (lists, forms, faxes).</summary>
    SurnameFirst,

    /// <summary>Lower-case words after a strong cue: "my name is maria lopez".</summary>
    Lowercase,
}
