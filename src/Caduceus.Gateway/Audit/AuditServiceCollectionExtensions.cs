using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Audit;

/// <summary>Registers the SQLite audit trail and the finding value hasher, with keys from <see cref="AuditOptions"/>.</summary>
internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            var dataDirectory = Path.GetFullPath(options.DataDirectory);
            return new SqliteAuditLog(
                Path.Combine(dataDirectory, AuditSchema.FileName),
                AuditKeyFiles.LoadOrCreateSigningKey(options.Audit, dataDirectory),
                options.Audit,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<SqliteAuditLog>());
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new FindingValueHasher(AuditKeyFiles.LoadOrCreateFindingKey(options.Audit, Path.GetFullPath(options.DataDirectory)));
        });
        return services;
    }
}
