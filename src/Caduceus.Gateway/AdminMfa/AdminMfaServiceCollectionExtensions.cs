using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AdminMfa;

/// <summary>Registers admin MFA: options from the <c>Admin</c> section, the stores, TOTP and passkey checks, the limiter and the gate.</summary>
internal static class AdminMfaServiceCollectionExtensions
{
    /// <summary>Needs the gateway database, the vault key (<see cref="Vault.VaultServiceCollectionExtensions.AddPseudonymVault"/>) and the event bus.</summary>
    public static IServiceCollection AddAdminMfa(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminMfaOptions>().Bind(configuration.GetSection(AdminMfaOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminMfaOptions>, AdminMfaOptionsValidator>();
        // State:Store = postgres has already put the shared stores in place (AddSharedState).
        services.TryAddSingleton<IMfaFactorStore, SqliteMfaFactorStore>();
        services.TryAddSingleton<IAdminSessionStore, SqliteAdminSessionStore>();
        services.TryAddSingleton<IWebAuthnCeremonyStore, SqliteWebAuthnCeremonyStore>();
        services.AddSingleton<TotpSeedCipher>();
        services.AddSingleton<AdminWebAuthn>();
        services.AddSingleton<MfaFailureLimiter>();
        services.AddSingleton<MfaProofVerifier>();
        services.AddSingleton<AdminMfaEvents>();
        services.AddSingleton<AdminMfaLog>();
        return services;
    }
}
