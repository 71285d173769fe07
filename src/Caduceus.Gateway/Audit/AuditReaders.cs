using Caduceus.Gateway.Configuration;

namespace Caduceus.Gateway.Audit;

/// <summary>The one place that picks the audit store a reader (search, export) reads from the configuration.</summary>
public static class AuditReaders
{
    /// <summary>A reader over the data directory's <c>audit.db</c>, the same file the gateway writes.</summary>
    public static IAuditReader Open(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SqliteAuditReader(Path.Combine(Path.GetFullPath(options.DataDirectory), AuditSchema.FileName));
    }
}
