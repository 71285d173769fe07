using System.Globalization;
using System.Security.Cryptography;
using Caduceus.Gateway.Storage;

namespace Caduceus.Gateway.Keys;

/// <summary>Client keys in the embedded SQLite database.</summary>
internal sealed class SqliteApiKeyStore(GatewayDatabase database, TimeProvider timeProvider) : IApiKeyStore
{
    public async Task<IssuedApiKey> CreateAsync(string application, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecrets.Generate();
        var record = await InsertAsync(secret, application, cancellationToken);
        return new IssuedApiKey(record, secret);
    }

    public Task<ApiKeyRecord> ImportAsync(string secret, string application, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (secret.Length < ApiKeySecrets.MinimumLength)
        {
            throw new ArgumentException($"An API key must be at least {ApiKeySecrets.MinimumLength} characters long.", nameof(secret));
        }

        return InsertAsync(secret, application, cancellationToken);
    }

    public async Task<ApiKeyRecord?> FindAsync(string presentedSecret, CancellationToken cancellationToken)
    {
        var presentedHash = ApiKeySecrets.Hash(presentedSecret);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, key_hash, application, created_at FROM api_keys WHERE key_hash = $hash";
        command.Parameters.AddWithValue("$hash", presentedHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var storedHash = (byte[])reader.GetValue(1);
        if (!CryptographicOperations.FixedTimeEquals(storedHash, presentedHash))
        {
            return null;
        }

        return new ApiKeyRecord(
            reader.GetString(0),
            reader.GetString(2),
            DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture));
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM api_keys)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 1;
    }

    private async Task<ApiKeyRecord> InsertAsync(string secret, string application, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(application);
        var record = new ApiKeyRecord(ApiKeySecrets.NewId(), application, timeProvider.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO api_keys (id, key_hash, application, created_at) VALUES ($id, $hash, $app, $created)";
        command.Parameters.AddWithValue("$id", record.Id);
        command.Parameters.AddWithValue("$hash", ApiKeySecrets.Hash(secret));
        command.Parameters.AddWithValue("$app", record.Application);
        command.Parameters.AddWithValue("$created", record.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync(cancellationToken);
        return record;
    }
}
