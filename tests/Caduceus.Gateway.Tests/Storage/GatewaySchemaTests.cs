using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Tests.Keys;
using Caduceus.Identity;
using Microsoft.Data.Sqlite;

namespace Caduceus.Gateway.Tests.Storage;

public sealed class GatewaySchemaTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_database_from_before_key_lifecycle_keeps_its_keys_working()
    {
        var directory = Directory.CreateTempSubdirectory("caduceus-old-db-").FullName;
        const string secret = "cad_an-old-key-from-the-first-release-000000";
        await OldDatabase.CreateAsync(directory, secret);
        using var fixture = new KeyStoreFixture(directory);

        var match = await fixture.Store.FindAsync(secret, Cancel);

        Assert.NotNull(match);
        Assert.Equal(OldDatabase.KeyId, match.Record.Id);
        Assert.Equal([CallerRoles.Service], match.Record.Roles);
        Assert.Null(match.RefusalAt(fixture.Clock.GetUtcNow()));
        Assert.Equal(GatewaySchema.CurrentVersion, await UserVersionAsync(directory));

        var created = await fixture.Store.CreateAsync(new NewApiKey("default", [CallerRoles.Admin]), Cancel);
        await fixture.Store.RevokeAsync(OldDatabase.KeyId, ApiKeyRevocationReason.Revoked, Cancel);
        Assert.Equal(2, (await fixture.Store.ListAsync(Cancel)).Count);
        Assert.NotNull(await fixture.Store.FindAsync(created.Secret, Cancel));
    }

    [Fact]
    public async Task Opening_a_current_database_again_changes_nothing()
    {
        using var first = new KeyStoreFixture();
        var issued = await first.Store.CreateAsync(new NewApiKey("default", [CallerRoles.Billing], "front office"), Cancel);
        SqliteConnection.ClearAllPools();

        var again = KeyStoreFixture.OpenStore(first.Directory);

        Assert.Equal("front office", (await again.FindAsync(issued.Secret, Cancel))!.Record.Label);
        Assert.Equal(GatewaySchema.CurrentVersion, await UserVersionAsync(first.Directory));
    }

    [Fact]
    public async Task A_database_from_a_newer_version_is_refused_with_a_clear_message()
    {
        using var fixture = new KeyStoreFixture();
        await fixture.Store.AnyAsync(Cancel);
        await KeyStoreFixture.ExecuteAsync(fixture.Directory, "PRAGMA user_version = 99");
        SqliteConnection.ClearAllPools();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => KeyStoreFixture.OpenStore(fixture.Directory).AnyAsync(Cancel));

        Assert.Contains("newer Caduceus", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<long> UserVersionAsync(string directory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "caduceus.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
