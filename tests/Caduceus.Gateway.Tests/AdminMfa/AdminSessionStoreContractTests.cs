using System.Security.Cryptography;
using Caduceus.Gateway.AdminMfa;

namespace Caduceus.Gateway.Tests.AdminMfa;

/// <summary>What every <see cref="IAdminSessionStore"/> must do; each store runs these through a derived class.</summary>
public abstract class AdminSessionStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Opened = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    private IAdminSessionStore? _store;

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected IAdminSessionStore Store => _store!;

    public async ValueTask InitializeAsync() => _store = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task<IAdminSessionStore> OpenStoreAsync();

    private protected abstract ValueTask CloseAsync();

    [Fact]
    public async Task An_added_session_is_found_by_its_token_hash_and_no_other()
    {
        var hash = await AddAsync(Opened);

        var found = await Store.FindAsync(hash, Cancel);

        Assert.NotNull(found);
        Assert.Equal("key_admin", found.KeyId);
        Assert.Equal(Opened, found.CreatedAt);
        Assert.Equal(Opened, found.LastSeenAt);
        Assert.Equal(Opened, found.VerifiedAt);
        Assert.Null(await Store.FindAsync(NewHash(), Cancel));
    }

    [Fact]
    public async Task Touch_and_verification_move_times_forward_and_never_back()
    {
        var hash = await AddAsync(Opened);

        await Store.MarkVerifiedAsync(hash, Opened.AddMinutes(4), Cancel);
        await Store.TouchAsync(hash, Opened.AddMinutes(6), Cancel);
        await Store.MarkVerifiedAsync(hash, Opened.AddMinutes(2), Cancel);
        await Store.TouchAsync(hash, Opened.AddMinutes(1), Cancel);

        var found = await Store.FindAsync(hash, Cancel);
        Assert.Equal(Opened.AddMinutes(4), found!.VerifiedAt);
        Assert.Equal(Opened.AddMinutes(6), found.LastSeenAt);
    }

    [Fact]
    public async Task A_removed_session_is_gone_and_the_others_stay()
    {
        var revoked = await AddAsync(Opened);
        var other = await AddAsync(Opened);

        await Store.RemoveAsync(revoked, Cancel);

        Assert.Null(await Store.FindAsync(revoked, Cancel));
        Assert.NotNull(await Store.FindAsync(other, Cancel));
    }

    [Fact]
    public async Task A_purge_deletes_sessions_opened_before_the_cutoff_only()
    {
        var old = await AddAsync(Opened.AddHours(-9));
        var recent = await AddAsync(Opened.AddHours(-1));

        await Store.PurgeAsync(Opened.AddHours(-8), Cancel);

        Assert.Null(await Store.FindAsync(old, Cancel));
        Assert.NotNull(await Store.FindAsync(recent, Cancel));
    }

    private async Task<byte[]> AddAsync(DateTimeOffset openedAt)
    {
        var hash = NewHash();
        await Store.AddAsync(new AdminSession(hash, "key_admin", openedAt, openedAt, openedAt), Cancel);
        return hash;
    }

    private static byte[] NewHash() => SHA256.HashData(RandomNumberGenerator.GetBytes(32));
}
