using System.Security.Cryptography;
using System.Text;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Caduceus.Gateway.SharedState;

/// <summary>
/// Address blocks, threat sightings, failure counters and finding hashes are keyed hashes under the audit finding
/// key, so every instance on one shared database needs the same key (<c>Audit:FindingKeyFile</c>). The first instance
/// stores a fingerprint of its key (an HMAC of a fixed label under the key, never the key) in
/// <c>finding_key_fingerprint</c>; an instance whose key gives another fingerprint refuses to start, saying why.
/// </summary>
internal sealed class FindingKeyFingerprintCheck(
    PostgresStateDatabase database,
    FindingValueHasher hasher,
    IOptions<GatewayOptions> options,
    TimeProvider timeProvider) : IHostedLifecycleService
{
    private const string Label = "caduceus audit finding key fingerprint v1";

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var mine = hasher.Hash(Label);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO finding_key_fingerprint (singleton, fingerprint, created_at) VALUES (true, @fingerprint, @now) ON CONFLICT (singleton) DO NOTHING;
            SELECT fingerprint FROM finding_key_fingerprint;
            """,
            connection);
        command.Parameters.AddWithValue("fingerprint", mine);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        var stored = (string)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(mine)))
        {
            var path = AuditKeyFiles.FindingKeyPath(options.Value.Audit, Path.GetFullPath(options.Value.DataDirectory));
            throw new InvalidOperationException(
                $"The audit finding key '{path}' (Audit:FindingKeyFile) is not the key the other instances on the shared {database.Description} use: "
                + "give every instance the same finding key file, or address blocks, failure counters and finding hashes would not match across instances.");
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
