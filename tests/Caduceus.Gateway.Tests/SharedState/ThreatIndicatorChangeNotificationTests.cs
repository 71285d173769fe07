using System.Diagnostics;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Tests.Vault;
using Caduceus.Gateway.ThreatIntel;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Caduceus.Gateway.Tests.SharedState;

/// <summary>An instance's cached known attack payloads, dropped by the change channel when another instance imports or removes one.</summary>
public sealed class ThreatIndicatorChangeNotificationTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);
    private static readonly string Hash = new('d', 64);

    private readonly PostgresStateFixture _fixture = new();

    // Never advanced: the cached set cannot expire, so only a notification can make a change visible.
    private readonly ManualTimeProvider _frozenClock = new();
    private KnownAttackPayloads? _payloads;
    private PostgresStateChangeListener? _listener;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _payloads = new KnownAttackPayloads(new PostgresThreatIndicatorStore(_fixture.Database), _frozenClock);
        _listener = new PostgresStateChangeListener(_fixture.Database, [_payloads], TimeProvider.System, NullLogger<PostgresStateChangeListener>.Instance);
        await _listener.StartAsync(Cancel);
        await _listener.Listening.WaitAsync(Patience, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _listener!.StopAsync(CancellationToken.None);
        _listener.Dispose();
        _payloads!.Dispose();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task A_payload_imported_then_removed_by_another_instance_is_known_then_forgotten_without_waiting_for_expiry()
    {
        var now = _frozenClock.GetUtcNow();
        var otherInstance = new PostgresThreatIndicatorStore(_fixture.OpenSecond());
        Assert.DoesNotContain(Hash, await _payloads!.CurrentAsync(Cancel));

        var imported = Stopwatch.StartNew();
        await otherInstance.ImportAsync(ThreatIndicatorKind.AttackPayload, Hash, "taxii:peer", 80, now.AddDays(1), now, Cancel);
        await EventuallyAsync(async () => (await _payloads.CurrentAsync(Cancel)).Contains(Hash));
        var importedAfter = imported.Elapsed;

        var removed = Stopwatch.StartNew();
        await DeleteIndicatorsAsync();
        await EventuallyAsync(async () => !(await _payloads.CurrentAsync(Cancel)).Contains(Hash));
        var removedAfter = removed.Elapsed;

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"imported payload known after {importedAfter.TotalMilliseconds:F0} ms, removal after {removedAfter.TotalMilliseconds:F0} ms");
        Assert.True(importedAfter < TimeSpan.FromSeconds(1), $"the import took {importedAfter.TotalMilliseconds:F0} ms to reach the other instance");
        Assert.True(removedAfter < TimeSpan.FromSeconds(1), $"the removal took {removedAfter.TotalMilliseconds:F0} ms to reach the other instance");
    }

    private async Task DeleteIndicatorsAsync()
    {
        await using var connection = await _fixture.OpenSecond().OpenAsync(Cancel);
        await using var command = new NpgsqlCommand("DELETE FROM threat_indicators WHERE value = @value", connection);
        command.Parameters.AddWithValue("value", Hash);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(Cancel));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        timeout.CancelAfter(Patience);
        while (!await condition())
        {
            await Task.Delay(5, timeout.Token);
        }
    }
}
