using Caduceus.Gateway.Audit;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Anomaly;

/// <summary>
/// Sits in front of the audit trail: every record still goes to the real log first, and once committed, a chat
/// request's observation is queued for anomaly detection (never awaited by the request).
/// </summary>
internal sealed class AnomalyObservingAuditLog(IAuditLog inner, AnomalyObservationQueue queue, IHttpContextAccessor contexts, FindingValueHasher hasher) : IAuditLog
{
    public async ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        var sequence = await inner.AppendAsync(record, cancellationToken);
        if (AuditObservation.Of(record, contexts.HttpContext, hasher) is { } observation)
        {
            queue.Enqueue(observation);
        }

        return sequence;
    }
}
