namespace Caduceus.RedTeam.Judging;

/// <summary>Whether the target stopped an attack, and why, in words with no answer text in them.</summary>
/// <param name="Stopped">True when the target refused or its answer held no evidence of success.</param>
/// <param name="Reason">e.g. <c>refused: prompt_injection_detected</c>, <c>no evidence</c>, <c>leaked: canary</c>.</param>
internal sealed record Verdict(bool Stopped, string Reason);
