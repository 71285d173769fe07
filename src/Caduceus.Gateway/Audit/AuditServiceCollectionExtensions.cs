using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Audit;

/// <summary>
/// Registers the audit trail on the store <c>Audit:Store</c> names, its reader, retention (a hosted service) and the
/// finding value hasher, with keys from <see cref="AuditOptions"/>.
/// </summary>
internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        // The log owns a store of its own; this one serves retention (both may share a chain, as instances do).
        services.AddSingleton(sp => AuditStores.Create(Options(sp)));
        services.AddSingleton(sp => AuditReaders.Open(Options(sp)));
        services.AddSingleton(sp =>
        {
            var options = Options(sp);
            return new AuditLog(
                AuditStores.Create(options),
                AuditKeyFiles.LoadOrCreateSigningKey(options.Audit, Path.GetFullPath(options.DataDirectory)),
                options.Audit,
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLog>());
        services.AddSingleton(sp =>
        {
            var options = Options(sp);
            var dataDirectory = Path.GetFullPath(options.DataDirectory);
            sp.GetRequiredService<AuditLog>(); // creates the signing key file on a first start
            return new AuditRetention(
                sp.GetRequiredService<IAuditStore>(),
                sp.GetRequiredService<IAuditReader>(),
                AuditKeyFiles.ReadSigningKey(AuditKeyFiles.SigningKeyPath(options.Audit, dataDirectory)),
                sp.GetRequiredService<IAuditLog>(),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService(sp => new AuditRetentionService(
            sp.GetRequiredService<AuditRetention>(),
            Options(sp).Audit,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<AuditRetentionService>>()));
        services.AddSingleton(sp =>
        {
            var options = Options(sp);
            return new FindingValueHasher(AuditKeyFiles.LoadOrCreateFindingKey(options.Audit, Path.GetFullPath(options.DataDirectory)));
        });
        return services;
    }

    private static GatewayOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
}
