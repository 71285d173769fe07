using System.Security.Cryptography;
using Caduceus.Gateway.WebConsole.Sessions;

namespace Caduceus.Gateway.Tests.WebConsole.Sessions;

/// <summary>What every <see cref="IConsoleSessionStore"/> must do; each store runs these through a derived class.</summary>
public abstract class ConsoleSessionStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Opened = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);

    private IConsoleSessionStore? _store;

    private protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private protected IConsoleSessionStore Store => _store!;

    public async ValueTask InitializeAsync() => _store = await OpenStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        GC.SuppressFinalize(this);
    }

    private protected abstract Task<IConsoleSessionStore> OpenStoreAsync();

    private protected abstract ValueTask CloseAsync();

    [Fact]
    public async Task An_added_session_is_found_by_its_token_hash_and_no_other()
    {
        var hash = await AddAsync(Opened, Opened);

        var found = await Store.FindAsync(hash, Cancel);

        Assert.NotNull(found);
        Assert.Equal("cua_account", found.AccountId);
        Assert.Equal(Opened, found.CreatedAt);
        Assert.Equal(Opened, found.LastSeenAt);
        Assert.Null(found.SteppedUpAt);
        Assert.Null(await Store.FindAsync(NewHash(), Cancel));
    }

    [Fact]
    public async Task A_touch_moves_the_last_use_forward_and_never_back()
    {
        var hash = await AddAsync(Opened, Opened);

        await Store.TouchAsync(hash, Opened.AddMinutes(5), Cancel);
        await Store.TouchAsync(hash, Opened.AddMinutes(2), Cancel);

        Assert.Equal(Opened.AddMinutes(5), (await Store.FindAsync(hash, Cancel))!.LastSeenAt);
    }

    [Fact]
    public async Task A_step_up_is_recorded_and_counts_as_a_use()
    {
        var hash = await AddAsync(Opened, Opened);

        await Store.MarkSteppedUpAsync(hash, Opened.AddMinutes(3), Cancel);

        var found = await Store.FindAsync(hash, Cancel);
        Assert.Equal(Opened.AddMinutes(3), found!.SteppedUpAt);
        Assert.Equal(Opened.AddMinutes(3), found.LastSeenAt);
    }

    [Fact]
    public async Task A_purge_deletes_idle_and_too_old_sessions_counts_them_and_keeps_live_ones()
    {
        var idle = await AddAsync(Opened.AddHours(-1), Opened.AddMinutes(-20));
        var tooOld = await AddAsync(Opened.AddHours(-9), Opened.AddMinutes(-1));
        var live = await AddAsync(Opened.AddHours(-1), Opened.AddMinutes(-1));

        var purged = await Store.PurgeEndedAsync(idleBefore: Opened.AddMinutes(-15), createdBefore: Opened.AddHours(-8), Cancel);

        Assert.Equal(2, purged);
        Assert.Null(await Store.FindAsync(idle, Cancel));
        Assert.Null(await Store.FindAsync(tooOld, Cancel));
        Assert.NotNull(await Store.FindAsync(live, Cancel));
    }

    [Fact]
    public async Task A_removed_session_is_gone_and_the_others_stay()
    {
        var signedOut = await AddAsync(Opened, Opened);
        var other = await AddAsync(Opened, Opened);

        await Store.RemoveAsync(signedOut, Cancel);

        Assert.Null(await Store.FindAsync(signedOut, Cancel));
        Assert.NotNull(await Store.FindAsync(other, Cancel));
    }

    private async Task<byte[]> AddAsync(DateTimeOffset createdAt, DateTimeOffset lastSeenAt)
    {
        var hash = NewHash();
        await Store.AddAsync(new ConsoleSession(hash, "cua_account", createdAt, lastSeenAt, null), Cancel);
        return hash;
    }

    private static byte[] NewHash() => SHA256.HashData(RandomNumberGenerator.GetBytes(32));
}
