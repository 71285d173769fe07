using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>A store whose disk is gone: every operation throws.</summary>
internal sealed class FailingAuditStore : IAuditStore
{
    public int Attempts { get; private set; }

    public Task<AuditBatch> AppendAsync(Func<AuditChainHead, AuditBatch> extend, CancellationToken cancellationToken)
    {
        Attempts++;
        throw new IOException("disk full");
    }

    public Task<AuditChainHead> ReadHeadAsync(CancellationToken cancellationToken) => throw new IOException("disk full");

    public Task<AuditPurge> PurgeThroughAsync(long checkpointSequence, bool dryRun, CancellationToken cancellationToken) => throw new IOException("disk full");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
