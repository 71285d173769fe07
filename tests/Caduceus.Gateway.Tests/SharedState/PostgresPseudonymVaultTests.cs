using System.Text;
using Caduceus.Detection.Anonymization;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Audit;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.Vault;
using Npgsql;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>The vault contract on the real PostgreSQL server, plus what sharing it between instances needs.</summary>
public sealed class PostgresPseudonymVaultTests : PseudonymVaultContractTests, IAsyncLifetime
{
    private readonly List<PostgresStateDatabase> _databases = [];
    private PostgresTestServer? _server;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await PostgresTestServer.CreateDatabaseAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        await _server!.DisposeAsync();
    }

    private protected override IPseudonymVault CreateVault(TimeSpan timeToLive) => Vault(VaultTestData.KeyA, timeToLive);

    [Fact]
    public async Task A_scope_committed_through_one_instance_is_restored_through_another()
    {
        var first = Vault(VaultTestData.KeyA);
        var scope = await first.OpenScopeAsync("conversation-1", Cancel);
        VaultTestData.IssueSeeded(scope);
        Assert.True(await first.TryCommitAsync(scope, Cancel));

        var second = Vault(VaultTestData.KeyA);
        var reopened = await second.OpenScopeAsync("conversation-1", Cancel);

        Assert.Equal($"{VaultTestData.Name} ({VaultTestData.Ssn})", PseudonymRestorer.Restore("<NAME_1> (<SSN_1>)", reopened.Pseudonyms));
    }

    [Fact]
    public async Task Never_writes_a_value_or_conversation_id_in_plaintext()
    {
        var vault = Vault(VaultTestData.KeyA);
        var scope = await vault.OpenScopeAsync("conversation-about-quarterfield", Cancel);
        VaultTestData.IssueSeeded(scope);
        Assert.True(await vault.TryCommitAsync(scope, Cancel));

        var rows = await RowsAsTextAsync();

        Assert.Contains("<SSN_1>", rows, StringComparison.Ordinal);
        foreach (var secret in new[] { VaultTestData.Ssn, "536221843", VaultTestData.Name, "Quarterfield", "conversation-about-quarterfield" })
        {
            Assert.DoesNotContain(secret, rows, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(secret)), rows, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_vault_with_other_keys_refuses_to_use_the_shared_rows()
    {
        var first = Vault(VaultTestData.KeyA);
        var scope = await first.OpenScopeAsync("c", Cancel);
        VaultTestData.IssueSeeded(scope);
        await first.TryCommitAsync(scope, Cancel);

        var other = Vault(VaultTestData.KeyB);

        var exception = await Assert.ThrowsAsync<PseudonymVaultException>(async () => await other.OpenScopeAsync("c", Cancel));
        Assert.Contains("data keys do not match", exception.Message, StringComparison.Ordinal);
    }

    private PostgresPseudonymVault Vault(VaultKey key, TimeSpan? timeToLive = null)
    {
        var database = new PostgresStateDatabase(_server!.ConnectionString);
        _databases.Add(database);
        return new PostgresPseudonymVault(database, VaultTestData.Cipher(key), Clock, VaultTestData.Options(timeToLive));
    }

    private async Task<string> RowsAsTextAsync()
    {
        await using var connection = new NpgsqlConnection(_server!.ConnectionString);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("SELECT string_agg(p::text, E'\\n') FROM pseudonyms p", connection);
        return (string)(await command.ExecuteScalarAsync(Cancel))!;
    }
}
