using Caduceus.Gateway.Audit;

namespace Caduceus.Gateway.Tests.Audit;

/// <summary>Holds every commit until <see cref="Release"/>, and signals when the first one was asked for.</summary>
internal sealed class GatedAuditLog(IAuditLog inner) : IAuditLog
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Requested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _gate.TrySetResult();

    public async ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        Requested.TrySetResult();
        await _gate.Task.WaitAsync(cancellationToken);
        return await inner.AppendAsync(record, cancellationToken);
    }
}
