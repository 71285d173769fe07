namespace Caduceus.Gateway.Audit;

/// <summary>
/// What a retention purge removed (or, on a dry run, would remove): records <see cref="FirstSequence"/> to
/// <see cref="ThroughSequence"/> and the checkpoints before the one at <see cref="ThroughSequence"/>, which stays as
/// the anchor the remaining chain verifies from.
/// </summary>
public sealed record AuditPurge(long FirstSequence, long ThroughSequence, long Records, long Checkpoints);
