using Caduceus.Gateway.Drills;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>With shared state, the first instance to record a schedule's due time runs that drill; the others skip it.</summary>
internal sealed class PostgresDrillRunClaims(PostgresStateDatabase database, TimeProvider timeProvider) : IDrillRunClaims
{
    public async Task<bool> TryClaimAsync(string schedule, DateTimeOffset due, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "INSERT INTO drill_run_claims (schedule, due_at, claimed_at) VALUES (@schedule, @due, @now) ON CONFLICT DO NOTHING",
            connection);
        command.Parameters.AddWithValue("schedule", schedule);
        command.Parameters.AddWithValue("due", due.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
