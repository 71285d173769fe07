using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Policies;
using Caduceus.Gateway.Verification;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.SharedState;

/// <summary>Registers the <c>State</c> options and the client key store and drill-run claims they choose (the keyring and vault read them too).</summary>
internal static class SharedStateServiceCollectionExtensions
{
    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() ?? new SharedStateOptions();
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, SharedStateOptionsValidator>();
        if (options.UsesPostgres && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            services.AddSingleton(_ => new PostgresStateDatabase(options.ConnectionString));
            services.AddSingleton<PostgresApiKeyStore>();
            services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<PostgresApiKeyStore>());
            services.AddSingleton<IApiKeyLookup>(sp => new CachingApiKeyLookup(sp.GetRequiredService<PostgresApiKeyStore>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IDrillRunClaims, PostgresDrillRunClaims>();
            services.AddSingleton<IVerificationStateStore>(sp => new PostgresVerificationStateStore(
                sp.GetRequiredService<PostgresStateDatabase>(), sp.GetRequiredService<DataKeyring>, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IPolicyOverrideStore, PostgresPolicyOverrideStore>();
            return services;
        }

        services.AddSingleton<SqliteApiKeyStore>();
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<SqliteApiKeyStore>());
        services.AddSingleton<IApiKeyLookup>(sp => new CachingApiKeyLookup(sp.GetRequiredService<SqliteApiKeyStore>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
