using Caduceus.Gateway.Encryption;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>The shared keyring's data keys as reports see them: purpose, wrapping master key id, origin and times; never the wrapped key.</summary>
internal static class PostgresDataKeyStatus
{
    public static async Task<IReadOnlyList<DataKeyStatus>> ReadAsync(PostgresStateDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT purpose, master_key_id, origin, created_at, wrapped_at FROM data_keys ORDER BY purpose COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<DataKeyStatus>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(new DataKeyStatus(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }

        return keys;
    }
}
