using Caduceus.Gateway.Policies;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Policy overrides and their change history in the shared PostgreSQL database, the same contract as
/// <see cref="SqlitePolicyOverrideStore"/>: an override saved through one instance is in force on every instance
/// within <see cref="EffectivePolicies.RefreshInterval"/>. A save locks the overrides table, so the check that the
/// override is still the one the editor saw and the write cannot interleave with another instance's save.
/// </summary>
internal sealed class PostgresPolicyOverrideStore(PostgresStateDatabase database) : IPolicyOverrideStore
{
    public async Task<IReadOnlyList<PolicyOverride>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT application, policy_text, policy_hash, changed_by, changed_at FROM policy_overrides ORDER BY lower(application)", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var overrides = new List<PolicyOverride>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            overrides.Add(new PolicyOverride(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return overrides;
    }

    public async Task<bool> SaveAsync(PolicyChange change, string? expectedOverrideHash, string? policyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Saves are rare; a table lock also covers the first override of an application, which has no row to lock yet.
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE policy_overrides IN SHARE ROW EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var current = Command(connection, transaction, "SELECT policy_hash FROM policy_overrides WHERE lower(application) = lower(@application)", change))
        {
            var hash = await current.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
            if (!string.Equals(hash, expectedOverrideHash, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var sql = policyText is null
            ? "DELETE FROM policy_overrides WHERE lower(application) = lower(@application)"
            : """
              INSERT INTO policy_overrides (application, policy_text, policy_hash, changed_by, changed_at) VALUES (@application, @text, @hash, @by, @at)
              ON CONFLICT ((lower(application))) DO UPDATE SET policy_text = @text, policy_hash = @hash, changed_by = @by, changed_at = @at
              """;
        await using (var write = Command(connection, transaction, sql, change))
        {
            write.Parameters.AddWithValue("text", (object?)policyText ?? DBNull.Value);
            write.Parameters.AddWithValue("hash", change.AfterHash);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var history = Command(
            connection,
            transaction,
            "INSERT INTO policy_changes (application, changed_by, changed_at, before_hash, after_hash, diff) VALUES (@application, @by, @at, @before, @after, @diff)",
            change))
        {
            history.Parameters.AddWithValue("before", change.BeforeHash);
            history.Parameters.AddWithValue("after", change.AfterHash);
            history.Parameters.AddWithValue("diff", change.Diff);
            await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<PolicyChange>> RecentChangesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT application, changed_by, changed_at, before_hash, after_hash, diff FROM policy_changes ORDER BY id DESC LIMIT @limit", connection);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var changes = new List<PolicyChange>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            changes.Add(new PolicyChange(
                reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return changes;
    }

    /// <summary>A command with the change's application, author and time bound (Npgsql ignores parameters a statement does not use).</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, PolicyChange change)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("application", change.Application);
        command.Parameters.AddWithValue("by", change.ChangedBy);
        command.Parameters.AddWithValue("at", change.ChangedAt.ToUnixTimeMilliseconds());
        return command;
    }
}
