namespace Caduceus.Detection.Phi;

/// <summary>
/// Where a <c>\G</c> pattern may start a match, so it is tried only there instead of at every position of the text.
/// The positions must include every start the same pattern without <c>\G</c> would match from.
/// </summary>
internal interface IPatternAnchor
{
    /// <summary>The next position at or after <paramref name="from"/> to try, or -1; advances <paramref name="from"/> past it.</summary>
    int NextStart(string text, ref int from);
}
