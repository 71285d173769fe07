using System.Security.Cryptography;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Purges records older than a date, but only up to a validly signed checkpoint: the newest one signed before that
/// date (so every record it covers is older) and below the last record. That checkpoint stays, and the remaining
/// chain verifies from it. A real purge leaves an <c>admin</c> audit record with the range and counts.
/// </summary>
public sealed class AuditRetention(IAuditStore store, IAuditReader reader, ECDsa verificationKey, IAuditLog log, TimeProvider timeProvider)
{
    /// <summary>The <c>route</c> of the audit record a purge leaves.</summary>
    public const string RecordRoute = "/audit/retention";

    /// <summary>Purges (or with <paramref name="dryRun"/> counts) what may go; null when no checkpoint allows any purge.</summary>
    public async Task<AuditPurge?> PurgeAsync(DateTimeOffset before, bool dryRun, CancellationToken cancellationToken)
    {
        var head = await store.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        var beforeMs = before.ToUnixTimeMilliseconds();
        long? through = null;
        await foreach (var checkpoint in reader.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (checkpoint.SignedAtMs < beforeMs && checkpoint.Sequence < head.Sequence && checkpoint.Sequence > (through ?? 0)
                && verificationKey.VerifyData(AuditChain.CheckpointPayload(checkpoint.Sequence, checkpoint.Hash, checkpoint.SignedAtMs), checkpoint.Signature, HashAlgorithmName.SHA256))
            {
                through = checkpoint.Sequence;
            }
        }

        if (through is not { } sequence)
        {
            return null;
        }

        var purge = await store.PurgeThroughAsync(sequence, dryRun, cancellationToken).ConfigureAwait(false);
        if (!dryRun && purge.Records > 0)
        {
            await log.AppendAsync(Record(purge, timeProvider.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        return purge.Records > 0 ? purge : null;
    }

    private static AuditRecord Record(AuditPurge purge, DateTimeOffset now) => new()
    {
        Time = now,
        Kind = "admin",
        Method = "PURGE",
        Route = RecordRoute,
        Status = 200,
        Decision = AuditDecisions.Allowed,
        Code = "audit_retention_purge",
        Purged = purge,
    };
}
