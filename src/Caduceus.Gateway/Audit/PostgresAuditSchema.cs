using Npgsql;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// The PostgreSQL audit tables, created on first use. Every write transaction of every gateway instance first takes
/// the advisory lock <see cref="ChainLock"/>, so exactly one of them reads and extends the head at a time.
/// </summary>
public static class PostgresAuditSchema
{
    /// <summary>The key of the transaction-scoped advisory lock that serializes writers of the one chain (any fixed number).</summary>
    public const long ChainLock = 0x0CAD_A0D1_7C4A_1000;

    public static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE IF NOT EXISTS audit_records (
                seq bigint PRIMARY KEY,
                record bytea NOT NULL,
                prev_hash bytea NOT NULL,
                hash bytea NOT NULL
            );
            CREATE TABLE IF NOT EXISTS audit_checkpoints (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                seq bigint NOT NULL,
                hash bytea NOT NULL,
                signed_at_ms bigint NOT NULL,
                signature bytea NOT NULL
            );
            CREATE INDEX IF NOT EXISTS audit_checkpoints_seq ON audit_checkpoints (seq);
            """,
            connection,
            transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task LockChainAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", ChainLock);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
