namespace Caduceus.Detection.Phi.Names;

/// <summary>What the name lexicon knows about a word. One word may carry several flags ("Will": a given name and a common word).</summary>
[Flags]
internal enum LexiconFlags : uint
{
    None = 0,

    /// <summary>A given name in some gazetteer.</summary>
    GivenName = 1 << 0,

    /// <summary>A surname in some gazetteer.</summary>
    Surname = 1 << 1,

    /// <summary>A frequent lower-case English word ("will", "grace", "brown"): as a name it is ambiguous.</summary>
    CommonWord = 1 << 2,

    /// <summary>Never a name: clinical vocabulary, headings, weekdays.</summary>
    NonName = 1 << 3,

    /// <summary>A clinical abbreviation that is not a name when written in capitals ("ED", "ANA").</summary>
    Abbreviation = 1 << 4,

    /// <summary>An eponym rarely met as a person's surname, or a drug name: a name only with a strong cue.</summary>
    MedicalTerm = 1 << 5,

    /// <summary>A surname that names a disease, sign or test ("Wilson", "Bell").</summary>
    Eponym = 1 << 6,

    /// <summary>A word that follows an eponym ("disease", "palsy", "catheter").</summary>
    EponymHead = 1 << 7,

    /// <summary>A word that ends an organization's name ("Hospital", "Clinic").</summary>
    Organization = 1 << 8,

    /// <summary>A word that ends a street or place name ("Street", "Avenue").</summary>
    Street = 1 << 9,

    /// <summary>A US state, city or country that is also a name ("Jordan", "Austin").</summary>
    Place = 1 << 10,

    /// <summary>A language, nationality, people or religion ("English", "Hispanic").</summary>
    Nationality = 1 << 11,

    /// <summary>A month name or abbreviation.</summary>
    Month = 1 << 12,

    /// <summary>A surname particle ("van", "de", "al").</summary>
    Particle = 1 << 13,

    /// <summary>A generational suffix after a name ("Jr", "III").</summary>
    Suffix = 1 << 14,

    /// <summary>A word of a cue phrase ("patient", "dr", "daughter"): never part of a name.</summary>
    Cue = 1 << 15,
}
