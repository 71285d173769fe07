namespace Caduceus.Detection.Phi;

/// <summary>The context word found before a candidate, if any.</summary>
/// <param name="Word">The configured context word (not the text's spelling of it); null when none was found.</param>
/// <param name="IsAdjacent">True when only separators (spaces, ':', '#', '-', '=', '.') stand between word and candidate.</param>
internal readonly record struct ContextMatch(string? Word, bool IsAdjacent)
{
    public bool Found => Word is not null;
}
