using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.ThreatIntel;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// One puller per feed across the fleet: a session advisory lock on the shared database, keyed by the feed's name,
/// held on its own connection for the round. The instance that does not get it skips the round.
/// </summary>
internal sealed class PostgresThreatFeedPollLock(PostgresStateDatabase database) : IThreatFeedPollLock
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string feed, CancellationToken cancellationToken)
    {
        var key = KeyOf(feed);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return new PostgresThreatFeedPollLease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    /// <summary>
    /// The same key in every process and release (a string's own hash code is randomised per process): the first 8
    /// bytes of a SHA-256 of the feed name, under a prefix no other advisory lock of the gateway uses.
    /// </summary>
    internal static long KeyOf(string feed) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("caduceus/taxii-feed/" + feed)));
}
