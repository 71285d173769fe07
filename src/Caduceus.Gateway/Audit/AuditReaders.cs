using Caduceus.Gateway.Configuration;

namespace Caduceus.Gateway.Audit;

/// <summary>The reader of the audit store the configuration names (<c>Audit:Store</c>), found the way <c>serve</c> finds it.</summary>
public static class AuditReaders
{
    public static IAuditReader Open(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Audit.UsesPostgres
            ? new PostgresAuditReader(options.Audit.ConnectionString!)
            : new SqliteAuditReader(AuditStores.SqlitePath(options));
    }
}
