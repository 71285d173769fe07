using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caduceus.BenchGateway;

/// <summary>
/// The real audit trail on SQLite with <c>synchronous=NORMAL</c>: the same records, chain and checkpoints, but no
/// fsync per commit. For the load test only, to measure what that fsync costs a request.
/// </summary>
internal static class UnsyncedAuditLog
{
    public static void ReplaceAuditTrail(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new AuditLog(
                new SqliteAuditStore(AuditStores.SqlitePath(options), fsyncEachCommit: false),
                AuditKeyFiles.LoadOrCreateSigningKey(options.Audit, Path.GetFullPath(options.DataDirectory)),
                options.Audit,
                sp.GetRequiredService<TimeProvider>());
        }));
}
