using System.Security.Cryptography;
using Caduceus.Gateway.AdminMfa;

namespace Caduceus.Gateway.Tests.AdminMfa;

/// <summary>What every <see cref="IMfaFactorStore"/> must do; each store runs these through a derived class.</summary>
public abstract class MfaFactorStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    private IMfaFactorStore? _store;

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected IMfaFactorStore Store => _store!;

    public async ValueTask InitializeAsync() => _store = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task<IMfaFactorStore> OpenStoreAsync();

    private protected abstract ValueTask CloseAsync();

    [Fact]
    public async Task Factors_are_listed_per_key_in_the_order_added_with_what_was_stored()
    {
        var totp = Totp("key_a", confirmedAt: null);
        var passkey = Passkey("key_a");
        await Store.AddAsync(totp, Cancel);
        await Store.AddAsync(passkey, Cancel);
        await Store.AddAsync(Totp("key_b", confirmedAt: Now), Cancel);

        var listed = await Store.ListAsync("key_a", Cancel);

        Assert.Equal([totp.Id, passkey.Id], listed.Select(f => f.Id));
        Assert.Equal(totp.SealedTotpSeed, listed[0].SealedTotpSeed);
        Assert.Null(listed[0].ConfirmedAt);
        Assert.Equal(MfaFactorKind.WebAuthn, listed[1].Kind);
        Assert.Equal(passkey.PublicKey, listed[1].PublicKey);
        Assert.Equal(7u, listed[1].SignCount);
        Assert.Equal(passkey.Id, (await Store.FindByCredentialIdAsync(passkey.CredentialId!, Cancel))!.Id);
        Assert.Equal(totp.Id, (await Store.GetAsync("key_a", totp.Id, Cancel))!.Id);
        Assert.Null(await Store.GetAsync("key_b", totp.Id, Cancel));
    }

    [Fact]
    public async Task A_totp_step_is_used_once_and_its_first_use_confirms_a_pending_factor()
    {
        var totp = Totp("key_a", confirmedAt: null);
        await Store.AddAsync(totp, Cancel);
        Assert.False(await Store.HasConfirmedAsync("key_a", Cancel));

        Assert.True(await Store.TryUseTotpStepAsync(totp.Id, 500, Now, Cancel));
        Assert.False(await Store.TryUseTotpStepAsync(totp.Id, 500, Now, Cancel));
        Assert.False(await Store.TryUseTotpStepAsync(totp.Id, 499, Now, Cancel));

        Assert.True(await Store.HasConfirmedAsync("key_a", Cancel));
        var stored = await Store.GetAsync("key_a", totp.Id, Cancel);
        Assert.Equal(Now, stored!.ConfirmedAt);
        Assert.Equal(Now, stored.LastUsedAt);
    }

    [Fact]
    public async Task A_passkey_use_records_its_new_signature_counter()
    {
        var passkey = Passkey("key_a");
        await Store.AddAsync(passkey, Cancel);

        await Store.RecordWebAuthnUseAsync(passkey.Id, 42, Now, Cancel);

        var stored = await Store.GetAsync("key_a", passkey.Id, Cancel);
        Assert.Equal(42u, stored!.SignCount);
        Assert.Equal(Now, stored.LastUsedAt);
    }

    [Fact]
    public async Task The_last_confirmed_factor_of_a_key_is_never_removed()
    {
        var first = Totp("key_a", confirmedAt: Now);
        var second = Passkey("key_a");
        await Store.AddAsync(first, Cancel);
        await Store.AddAsync(second, Cancel);

        Assert.Equal(MfaFactorRemoval.NotFound, await Store.RemoveAsync("key_b", first.Id, Cancel));
        Assert.Equal(MfaFactorRemoval.Removed, await Store.RemoveAsync("key_a", first.Id, Cancel));
        Assert.Equal(MfaFactorRemoval.LastFactor, await Store.RemoveAsync("key_a", second.Id, Cancel));
        Assert.Single(await Store.ListAsync("key_a", Cancel));
    }

    [Fact]
    public async Task Two_removals_racing_leave_one_confirmed_factor()
    {
        var first = Totp("key_a", confirmedAt: Now);
        var second = Totp("key_a", confirmedAt: Now);
        await Store.AddAsync(first, Cancel);
        await Store.AddAsync(second, Cancel);

        var results = await Task.WhenAll(Store.RemoveAsync("key_a", first.Id, Cancel), Store.RemoveAsync("key_a", second.Id, Cancel));

        Assert.Single(results, result => result == MfaFactorRemoval.Removed);
        Assert.True(await Store.HasConfirmedAsync("key_a", Cancel));
    }

    private static MfaFactor Totp(string keyId, DateTimeOffset? confirmedAt) => new()
    {
        Id = MfaFactor.NewId(),
        KeyId = keyId,
        Kind = MfaFactorKind.Totp,
        Label = "phone",
        CreatedAt = Now,
        ConfirmedAt = confirmedAt,
        SealedTotpSeed = RandomNumberGenerator.GetBytes(48),
    };

    private static MfaFactor Passkey(string keyId) => new()
    {
        Id = MfaFactor.NewId(),
        KeyId = keyId,
        Kind = MfaFactorKind.WebAuthn,
        Label = "laptop",
        CreatedAt = Now,
        ConfirmedAt = Now,
        CredentialId = RandomNumberGenerator.GetBytes(16),
        PublicKey = RandomNumberGenerator.GetBytes(77),
        SignCount = 7,
    };
}
