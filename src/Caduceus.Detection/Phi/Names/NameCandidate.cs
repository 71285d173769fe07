namespace Caduceus.Detection.Phi.Names;

/// <summary>A run of words that may be a name, before scoring.</summary>
/// <param name="First">Index of its first word.</param>
/// <param name="Last">Index of its last word (inclusive).</param>
/// <param name="Form">How it is written.</param>
/// <param name="Before">The cue before its first word, if any.</param>
internal readonly record struct NameCandidate(int First, int Last, CandidateForm Form, CueMatch Before);
