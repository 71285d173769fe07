namespace Caduceus.Gateway.Audit;

/// <summary>What <see cref="AuditVerifier"/> found: intact, or the first broken record and why.</summary>
public sealed record AuditVerification(bool Intact, long Records, int Checkpoints, long? BrokenSequence, string? Reason);
