using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Audit;
using Caduceus.Gateway.Verification;

namespace Caduceus.Gateway.Tests.SharedState;

public sealed class PostgresVerificationStateStoreTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_instances_count_failures_together_and_read_each_others_states()
    {
        await using var server = await PostgresTestServer.CreateDatabaseAsync();
        await using var firstDatabase = new PostgresStateDatabase(server.ConnectionString);
        await using var secondDatabase = new PostgresStateDatabase(server.ConnectionString);
        var keyring = Keyring(7);
        var first = new PostgresVerificationStateStore(firstDatabase, () => keyring, TimeProvider.System);
        var second = new PostgresVerificationStateStore(secondDatabase, () => keyring, TimeProvider.System);
        var verified = new ConversationVerification(VerificationStatus.Verified, "pat-001", DateTimeOffset.UtcNow.AddMinutes(5), null) { VerifiedAt = DateTimeOffset.UtcNow };

        await first.SetAsync("app\nkey\ncall", verified, Cancel);
        var read = await second.GetAsync("app\nkey\ncall", Cancel);
        var counts = new[]
        {
            await first.RecordFailureAsync("address\n10.0.0.1", TimeSpan.FromMinutes(1), Cancel),
            await second.RecordFailureAsync("address\n10.0.0.1", TimeSpan.FromMinutes(1), Cancel),
        };

        Assert.Equal(VerificationStatus.Verified, read!.Status);
        Assert.Equal("pat-001", read.PatientId);
        Assert.Equal(verified.VerifiedAt!.Value.ToUnixTimeMilliseconds(), read.VerifiedAt!.Value.ToUnixTimeMilliseconds());
        Assert.Equal([1, 2], counts);
        Assert.NotNull(await first.LockedUntilAsync("address\n10.0.0.1", 2, Cancel));
        Assert.Null(await first.LockedUntilAsync("address\n10.0.0.1", 3, Cancel));
        Assert.Equal(first.CodeKey, second.CodeKey);
        Assert.NotEqual(first.CodeKey, new PostgresVerificationStateStore(firstDatabase, () => Keyring(8), TimeProvider.System).CodeKey);
    }

    [Fact]
    public async Task An_expired_state_reads_as_absent()
    {
        await using var server = await PostgresTestServer.CreateDatabaseAsync();
        await using var database = new PostgresStateDatabase(server.ConnectionString);
        var store = new PostgresVerificationStateStore(database, () => Keyring(7), TimeProvider.System);

        await store.SetAsync("call", new ConversationVerification(VerificationStatus.CodeSent, "pat-001", DateTimeOffset.UtcNow.AddSeconds(-1), [1, 2, 3]), Cancel);

        Assert.Null(await store.GetAsync("call", Cancel));
    }

    [Fact]
    public async Task An_unreachable_database_fails_with_a_reason_that_names_no_secret()
    {
        await using var database = new PostgresStateDatabase("Host=127.0.0.1;Port=1;Username=postgres;Password=hunter2secret;Timeout=2");
        var store = new PostgresVerificationStateStore(database, () => Keyring(7), TimeProvider.System);

        var exception = await Assert.ThrowsAsync<VerificationStateUnavailableException>(async () => await store.GetAsync("call", Cancel));

        Assert.Contains("cannot be reached", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2secret", exception.Message, StringComparison.Ordinal);
    }

    private static DataKeyring Keyring(byte fill) =>
        new(DataKeyPurposes.All.ToDictionary(p => p, _ => Enumerable.Repeat(fill, DataKeyring.KeyLength).ToArray(), StringComparer.Ordinal));
}
