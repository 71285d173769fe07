using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// A held feed lock (<see cref="PostgresThreatFeedPollLock"/>). It is released explicitly: a pooled connection is only
/// reset when next used, so merely returning it to the pool would keep the lock.
/// </summary>
internal sealed class PostgresThreatFeedPollLease(NpgsqlConnection connection, long key) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The session is gone, and the server released its locks with it.
        }
        finally
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
