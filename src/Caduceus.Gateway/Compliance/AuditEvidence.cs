namespace Caduceus.Gateway.Compliance;

/// <summary>The audit trail as <see cref="Audit.AuditVerifier"/> found it, plus its newest signed checkpoint.</summary>
internal sealed record AuditEvidence(
    long Records,
    int Checkpoints,
    bool Intact,
    long? BrokenSequence,
    string? BrokenReason,
    long? LastCheckpointSequence,
    DateTimeOffset? LastCheckpointSignedAt);
