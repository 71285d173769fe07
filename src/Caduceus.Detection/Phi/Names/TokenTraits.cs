namespace Caduceus.Detection.Phi.Names;

/// <summary>What surrounds a word, as far as the name rules care.</summary>
[Flags]
internal enum TokenTraits : byte
{
    None = 0,

    /// <summary>A '.' follows at once ("J.", "Dr.").</summary>
    PeriodAfter = 1 << 0,

    /// <summary>Followed by "'s" or, after an s, by "'" ("Maria's", "Graves'"); the token excludes them.</summary>
    Possessive = 1 << 1,

    /// <summary>Contains a hyphen between letters ("Okonkwo-Adeyemi").</summary>
    Hyphenated = 1 << 2,

    /// <summary>Contains an apostrophe between letters ("O'Brien", "don't").</summary>
    Apostrophe = 1 << 3,

    /// <summary>A digit touches the word ("B12", "3rd"): part of a code, not a name.</summary>
    TouchesDigit = 1 << 4,

    /// <summary>Part of an e-mail address, URL, path or handle ("jane.smith@", "/Users/Maria").</summary>
    InCompound = 1 << 5,
}
