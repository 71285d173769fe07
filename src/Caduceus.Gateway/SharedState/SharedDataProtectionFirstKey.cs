using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Makes sure the shared Data Protection key ring has its first key before anything reads it. Instances starting
/// together on an empty <c>data_protection_keys</c> table would otherwise each create their own first key when their
/// key ring first loads, and reject each other's forms until the next reload. Under an advisory lock, the first
/// instance creates the key and the others find it. Runs in <see cref="StartingAsync"/>, before any hosted service's
/// start (ASP.NET Core's own preloads the key ring there).
/// </summary>
internal sealed class SharedDataProtectionFirstKey(
    PostgresStateDatabase database,
    IKeyManager keys,
    IOptions<KeyManagementOptions> keyOptions,
    TimeProvider timeProvider) : IHostedLifecycleService
{
    /// <summary>The key of the advisory lock held while the first key is made (any fixed number, distinct from the others).</summary>
    private const long FirstKeyLock = 0x0CAD_5747_E000_0002;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", FirstKeyLock);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM data_protection_keys)", connection, transaction);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            // The key manager stores the key through its own connection; this transaction only holds the lock.
            var now = timeProvider.GetUtcNow();
            keys.CreateNewKey(now, now + keyOptions.Value.NewKeyLifetime);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
