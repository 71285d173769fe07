namespace Caduceus.Detection.Phi;

/// <summary>
/// What a validator concluded about a candidate match. <paramref name="Reason"/> goes into the finding's
/// explanation, so it describes the rule, never the value.
/// </summary>
/// <param name="IsValid">False rejects the candidate: no finding.</param>
/// <param name="Reason">The rule that was applied, in words; null when nothing was checked.</param>
/// <param name="ScoreFactor">Multiplies the score of a valid but doubtful candidate (1 for a plain valid one).</param>
/// <param name="NeedsContext">
/// True when the candidate is plausible only with a context word nearby (e.g. a VIN whose check digit fails): without
/// one, no finding, whatever the pattern's own <see cref="RecognizerPattern.RequiresContext"/> says.
/// </param>
internal readonly record struct CandidateCheck(bool IsValid, string? Reason, double ScoreFactor, bool NeedsContext = false)
{
    /// <summary>No validator ran; the pattern alone vouches for the candidate.</summary>
    public static CandidateCheck Unchecked => new(true, null, 1.0);

    public static CandidateCheck Valid(string reason) => new(true, reason, 1.0);

    /// <summary>Well-formed, but known to be a sample or placeholder value more often than a real one.</summary>
    public static CandidateCheck Doubtful(string reason, double scoreFactor) => new(true, reason, scoreFactor);

    /// <summary>Well-formed but failing a check that real values usually pass: reported only with context nearby.</summary>
    public static CandidateCheck OnlyWithContext(string reason, double scoreFactor) => new(true, reason, scoreFactor, NeedsContext: true);

    public static CandidateCheck Invalid(string reason) => new(false, reason, 0.0);
}
