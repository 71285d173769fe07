using Caduceus.Gateway.Models;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Infrastructure;
using Caduceus.Gateway.Tests.Vault;
using Microsoft.Extensions.Logging.Abstractions;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>An instance's cached inventory lookups, dropped by the change channel when another client edits the shared inventory.</summary>
public sealed class ModelInventoryChangeNotificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly PostgresStateFixture _fixture = new();

    // Never advanced: a cached lookup cannot expire, so only a notification can make a change visible.
    private readonly ManualTimeProvider _frozenClock = new();
    private CachingModelLookup? _lookup;
    private PostgresStateChangeListener? _listener;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _lookup = new CachingModelLookup(new PostgresModelInventory(_fixture.Database, TimeProvider.System), _frozenClock);
        _listener = new PostgresStateChangeListener(_fixture.Database, [_lookup], TimeProvider.System, NullLogger<PostgresStateChangeListener>.Instance);
        await _listener.StartAsync(Cancel);
        await _listener.Listening.WaitAsync(Patience, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _listener!.StopAsync(CancellationToken.None);
        _listener.Dispose();
        _lookup!.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task A_model_added_and_removed_by_another_client_is_seen_without_waiting_for_the_cache_to_expire()
    {
        var otherClient = new PostgresModelInventory(_fixture.OpenSecond(), TimeProvider.System);
        Assert.Null(await _lookup!.FindAsync("default", "m", Cancel));

        await otherClient.AddAsync(GatewayHarness.TestModelEntry("default", "m"), Cancel);
        await EventuallyAsync(async () => await _lookup.FindAsync("default", "m", Cancel) is not null);
        await otherClient.RemoveAsync("default", "m", Cancel);
        await EventuallyAsync(async () => await _lookup.FindAsync("default", "m", Cancel) is null);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Patience);
        while (!await condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
