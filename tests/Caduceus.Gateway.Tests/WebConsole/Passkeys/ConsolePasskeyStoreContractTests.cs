using System.Security.Cryptography;
using Caduceus.Gateway.WebConsole.Passkeys;

namespace Caduceus.Gateway.Tests.WebConsole.Passkeys;

/// <summary>What every <see cref="IConsolePasskeyStore"/> must do; each store runs these through a derived class.</summary>
public abstract class ConsolePasskeyStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
    private IConsolePasskeyStore? _store;

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected IConsolePasskeyStore Store => _store!;

    public async ValueTask InitializeAsync() => _store = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task<IConsolePasskeyStore> OpenStoreAsync();

    private protected abstract ValueTask CloseAsync();

    [Fact]
    public async Task A_passkey_is_listed_for_its_account_only_and_found_by_its_credential_id_as_stored()
    {
        var first = Passkey("acct_a", Start);
        var second = Passkey("acct_a", Start.AddMinutes(1)) with { Label = null };
        Assert.True(await Store.AddAsync(first, Cancel));
        Assert.True(await Store.AddAsync(second, Cancel));
        Assert.True(await Store.AddAsync(Passkey("acct_b", Start), Cancel));

        var listed = await Store.ListAsync("acct_a", Cancel);
        Assert.Equal([first.Id, second.Id], listed.Select(p => p.Id));
        var found = await Store.FindByCredentialIdAsync(first.CredentialId, Cancel);
        Assert.NotNull(found);
        Assert.Equal(first.PublicKey, found.PublicKey);
        Assert.Equal(first.Label, found.Label);
        Assert.Equal(first.SignCount, found.SignCount);
        Assert.Equal(first.CreatedAt, found.CreatedAt);
        Assert.Null(found.LastUsedAt);
        Assert.Null(await Store.FindByCredentialIdAsync(RandomNumberGenerator.GetBytes(32), Cancel));
    }

    [Fact]
    public async Task A_credential_id_registered_once_cannot_be_registered_again_by_anyone()
    {
        var passkey = Passkey("acct_a", Start);
        Assert.True(await Store.AddAsync(passkey, Cancel));

        Assert.False(await Store.AddAsync(Passkey("acct_b", Start) with { CredentialId = passkey.CredentialId }, Cancel));
        Assert.Empty(await Store.ListAsync("acct_b", Cancel));
    }

    [Fact]
    public async Task Of_two_uses_recorded_against_the_same_counter_only_the_first_counts()
    {
        var passkey = Passkey("acct_a", Start);
        await Store.AddAsync(passkey, Cancel);

        Assert.True(await Store.RecordUseAsync(passkey, 5, Start.AddMinutes(2), Cancel));
        Assert.False(await Store.RecordUseAsync(passkey, 6, Start.AddMinutes(3), Cancel));

        var stored = await Store.FindByCredentialIdAsync(passkey.CredentialId, Cancel);
        Assert.Equal(5u, stored!.SignCount);
        Assert.Equal(Start.AddMinutes(2), stored.LastUsedAt);
    }

    [Fact]
    public async Task A_passkey_is_removed_only_by_its_own_account()
    {
        var passkey = Passkey("acct_a", Start);
        await Store.AddAsync(passkey, Cancel);

        Assert.False(await Store.RemoveAsync("acct_b", passkey.Id, Cancel));
        Assert.True(await Store.RemoveAsync("acct_a", passkey.Id, Cancel));
        Assert.False(await Store.RemoveAsync("acct_a", passkey.Id, Cancel));
        Assert.Null(await Store.FindByCredentialIdAsync(passkey.CredentialId, Cancel));
    }

    private static ConsolePasskey Passkey(string accountId, DateTimeOffset createdAt) => new()
    {
        Id = ConsolePasskey.NewId(),
        AccountId = accountId,
        Label = "laptop",
        CredentialId = RandomNumberGenerator.GetBytes(32),
        PublicKey = RandomNumberGenerator.GetBytes(77),
        SignCount = 1,
        CreatedAt = createdAt,
    };
}
