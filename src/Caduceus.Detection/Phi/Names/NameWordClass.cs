namespace Caduceus.Detection.Phi.Names;

/// <summary>The part a word can play in a name, decided from its shape and lexicon entry.</summary>
internal enum NameWordClass : byte
{
    /// <summary>Never part of a name: an ordinary word, a clinical word, a cue, a code.</summary>
    Break,

    /// <summary>A surname particle: "van", "de", "al".</summary>
    Particle,

    /// <summary>A single capital letter, an initial when followed by '.' or between names.</summary>
    Initial,

    /// <summary>A given name or surname in a gazetteer that is not also an ordinary word.</summary>
    Name,

    /// <summary>A gazetteer name that is also an ordinary word or a month ("Will", "Grace", "June").</summary>
    Weak,

    /// <summary>An eponym, drug or nationality that is sometimes a name ("Parkinson", "Allegra", "English").</summary>
    Soft,

    /// <summary>A capitalized word in no list.</summary>
    Unknown,

    /// <summary>A capitalized word in no list, shaped like a surname: "McAllister", "O'Dowd", "Kowalczyk".</summary>
    Shaped,
}
