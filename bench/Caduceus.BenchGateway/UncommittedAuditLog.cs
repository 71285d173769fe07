using Caduceus.Gateway.Anomaly;
using Caduceus.Gateway.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Caduceus.BenchGateway;

/// <summary>
/// An audit trail that keeps nothing: what a request would cost without the audit commit, for the load test's
/// with/without comparison. Never part of the shipped gateway.
/// </summary>
internal sealed class UncommittedAuditLog : IAuditLog
{
    private long _sequence;

    /// <summary>
    /// Puts this log where the audit trail was. Anomaly detection still observes what would have been audited, so the
    /// comparison measures the commit alone and not the observation that rides on it.
    /// </summary>
    public static void ReplaceAuditTrail(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(AnomalyObservationQueue)))
        {
            services.Replace(ServiceDescriptor.Singleton<IAuditLog>(sp => new AnomalyObservingAuditLog(
                new UncommittedAuditLog(),
                sp.GetRequiredService<AnomalyObservationQueue>(),
                sp.GetRequiredService<IHttpContextAccessor>(),
                sp.GetRequiredService<FindingValueHasher>())));
            return;
        }

        services.Replace(ServiceDescriptor.Singleton<IAuditLog, UncommittedAuditLog>());
    }

    public ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Interlocked.Increment(ref _sequence));
}
