using System.Security.Cryptography;
using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>The store-independent writer: group commit and failing closed.</summary>
public sealed class AuditLogTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_the_store_fails_every_waiting_caller_fails_and_none_is_told_it_was_committed()
    {
        var store = new FailingAuditStore();
        var log = new AuditLog(store, ECDsa.Create(ECCurve.NamedCurves.nistP256), new AuditOptions(), TimeProvider.System);

        var appends = Enumerable.Range(0, 16).Select(_ => log.AppendAsync(Record(), Cancel).AsTask()).ToArray();

        foreach (var append in appends)
        {
            await Assert.ThrowsAsync<IOException>(() => append.WaitAsync(TimeSpan.FromSeconds(5), Cancel));
        }

        Assert.InRange(store.Attempts, 1, 16); // queued callers share transactions
        await Assert.ThrowsAsync<IOException>(async () => await log.DisposeAsync());
    }

    private static AuditRecord Record() => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        Kind = "chat",
        Method = "POST",
        Route = "/v1/chat/completions",
        Status = 200,
        Decision = "allowed",
    };
}
