using Caduceus.Gateway.Storage;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Policies;

/// <summary>
/// Policy overrides and their change history in the gateway's SQLite database (tables <c>policy_overrides</c>,
/// <c>policy_changes</c>). A change and its history row commit together, and only if the policy it was made against
/// is still the one in force, so two people editing at once cannot overwrite each other unseen.
/// </summary>
public sealed class SqlitePolicyOverrideStore(GatewayDatabase database) : IPolicyOverrideStore
{
    public async Task<IReadOnlyList<PolicyOverride>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT application, policy_text, policy_hash, changed_by, changed_at FROM policy_overrides ORDER BY application";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var overrides = new List<PolicyOverride>();
        while (await reader.ReadAsync(cancellationToken))
        {
            overrides.Add(new PolicyOverride(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return overrides;
    }

    /// <summary>
    /// Sets the application's override to <paramref name="policyText"/> (null removes it: the configured policy applies
    /// again) and records <paramref name="change"/>; false, with nothing written, when the override in force is no
    /// longer the one whose hash is <paramref name="expectedOverrideHash"/> (null: there was none).
    /// </summary>
    public async Task<bool> SaveAsync(PolicyChange change, string? expectedOverrideHash, string? policyText, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var connection = await database.OpenAsync(cancellationToken);
        // IMMEDIATE: the check and the write happen under one write lock.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var current = Command(connection, transaction, "SELECT policy_hash FROM policy_overrides WHERE application = $application", change.Application))
        {
            var hash = await current.ExecuteScalarAsync(cancellationToken) as string;
            if (!string.Equals(hash, expectedOverrideHash, StringComparison.Ordinal))
            {
                return false;
            }
        }

        var sql = policyText is null
            ? "DELETE FROM policy_overrides WHERE application = $application"
            : """
              INSERT INTO policy_overrides (application, policy_text, policy_hash, changed_by, changed_at) VALUES ($application, $text, $hash, $by, $at)
              ON CONFLICT (application) DO UPDATE SET policy_text = $text, policy_hash = $hash, changed_by = $by, changed_at = $at
              """;
        await using (var write = Command(connection, transaction, sql, change.Application))
        {
            write.Parameters.AddWithValue("$text", (object?)policyText ?? DBNull.Value);
            write.Parameters.AddWithValue("$hash", change.AfterHash);
            write.Parameters.AddWithValue("$by", change.ChangedBy);
            write.Parameters.AddWithValue("$at", change.ChangedAt.ToUnixTimeMilliseconds());
            await write.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var history = Command(
            connection,
            transaction,
            "INSERT INTO policy_changes (application, changed_by, changed_at, before_hash, after_hash, diff) VALUES ($application, $by, $at, $before, $after, $diff)",
            change.Application))
        {
            history.Parameters.AddWithValue("$by", change.ChangedBy);
            history.Parameters.AddWithValue("$at", change.ChangedAt.ToUnixTimeMilliseconds());
            history.Parameters.AddWithValue("$before", change.BeforeHash);
            history.Parameters.AddWithValue("$after", change.AfterHash);
            history.Parameters.AddWithValue("$diff", change.Diff);
            await history.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The newest changes, newest first.</summary>
    public async Task<IReadOnlyList<PolicyChange>> RecentChangesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT application, changed_by, changed_at, before_hash, after_hash, diff FROM policy_changes ORDER BY id DESC LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<PolicyChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new PolicyChange(
                reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }

        return changes;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, string application)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$application", application);
        return command;
    }
}
