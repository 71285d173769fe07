using Caduceus.Gateway.Lockout;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// The sign-in and second-factor failure counters in the shared PostgreSQL database (table <c>failure_counters</c>,
/// one row per partition with the start and end of its window), so guesses spread over several instances count
/// towards one limit. Counting is one upsert, atomic when instances count the same partition at once. Partitions are
/// keyed hashes; ended windows read as absent and are deleted now and then.
/// </summary>
internal sealed class PostgresFailureCounterStore(PostgresStateDatabase database, TimeProvider timeProvider) : IFailureCounterStore
{
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(1);

    private long _nextPurge;

    public async ValueTask<DateTimeOffset?> LockedUntilAsync(string partition, int maxFailures, CancellationToken cancellationToken)
    {
        var ends = await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    "SELECT ends_at FROM failure_counters WHERE partition = @partition AND ends_at > @now AND failures >= @max", connection);
                command.Parameters.AddWithValue("partition", partition);
                command.Parameters.AddWithValue("now", Now());
                command.Parameters.AddWithValue("max", maxFailures);
                return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return ends is long milliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;
    }

    public async ValueTask RecordFailureAsync(string partition, TimeSpan window, CancellationToken cancellationToken)
    {
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand(
                    """
                    INSERT INTO failure_counters AS f (partition, failures, window_start, ends_at) VALUES (@partition, 1, @now, @ends)
                    ON CONFLICT (partition) DO UPDATE SET
                        failures = CASE WHEN f.ends_at > @now THEN f.failures + 1 ELSE 1 END,
                        window_start = CASE WHEN f.ends_at > @now THEN f.window_start ELSE @now END,
                        ends_at = CASE WHEN f.ends_at > @now THEN f.ends_at ELSE @ends END
                    """,
                    connection);
                var now = Now();
                command.Parameters.AddWithValue("partition", partition);
                command.Parameters.AddWithValue("now", now);
                command.Parameters.AddWithValue("ends", now + (long)window.TotalMilliseconds);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await PurgeEndedAsync(connection, now, cancellationToken).ConfigureAwait(false);
                return 0;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask ClearAsync(string partition, CancellationToken cancellationToken)
    {
        await RunAsync(
            async connection =>
            {
                await using var command = new NpgsqlCommand("DELETE FROM failure_counters WHERE partition = @partition", connection);
                command.Parameters.AddWithValue("partition", partition);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            return await work(connection).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw new FailureCountersUnavailableException($"The failure counters in the {database.Description} cannot be reached.", exception);
        }
    }

    private async Task PurgeEndedAsync(NpgsqlConnection connection, long now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextPurge);
        if (now < due || Interlocked.CompareExchange(ref _nextPurge, now + (long)PurgeInterval.TotalMilliseconds, due) != due)
        {
            return;
        }

        await using var command = new NpgsqlCommand("DELETE FROM failure_counters WHERE ends_at <= @now", connection);
        command.Parameters.AddWithValue("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
}
