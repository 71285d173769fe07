namespace Caduceus.Detection.Phi;

/// <summary>Checks a candidate that a pattern matched (checksums, reserved ranges, sample values).</summary>
/// <param name="candidate">The matched characters, exactly as they appear in the text.</param>
internal delegate CandidateCheck CandidateValidator(ReadOnlySpan<char> candidate);
