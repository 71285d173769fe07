using Caduceus.Gateway.Configuration;

namespace Caduceus.Gateway.Audit;

/// <summary>The audit store the configuration names (<c>Audit:Store</c>): SQLite in the data directory, or PostgreSQL.</summary>
public static class AuditStores
{
    public static IAuditStore Create(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Audit.UsesPostgres
            ? new PostgresAuditStore(options.Audit.ConnectionString!)
            : new SqliteAuditStore(SqlitePath(options));
    }

    public static string SqlitePath(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Path.Combine(Path.GetFullPath(options.DataDirectory), AuditSchema.FileName);
    }
}
