using Caduceus.Gateway.Audit;

namespace Caduceus.BenchGateway;

/// <summary>
/// An audit trail that keeps nothing: what a request would cost without the audit commit, for the load test's
/// with/without comparison. Never part of the shipped gateway.
/// </summary>
internal sealed class UncommittedAuditLog : IAuditLog
{
    private long _sequence;

    public ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Interlocked.Increment(ref _sequence));
}
