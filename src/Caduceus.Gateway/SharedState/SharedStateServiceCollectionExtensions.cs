using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Lockout;
using Caduceus.Gateway.Policies;
using Caduceus.Gateway.Verification;
using Caduceus.Gateway.WebConsole.Accounts;
using Caduceus.Gateway.WebConsole.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.SharedState;

/// <summary>Registers the <c>State</c> options and the client key store, drill-run claims and sign-in state they choose (the keyring and vault read them too).</summary>
internal static class SharedStateServiceCollectionExtensions
{
    /// <summary>The Data Protection application name all instances share (by default it is each one's content root).</summary>
    internal const string DataProtectionApplicationName = "Caduceus";

    public static IServiceCollection AddSharedState(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SharedStateOptions.SectionName).Get<SharedStateOptions>() ?? new SharedStateOptions();
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, SharedStateOptionsValidator>();
        services.AddFailureCounters(options);
        if (options.UsesPostgres && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            services.AddSingleton(_ => new PostgresStateDatabase(options.ConnectionString));
            services.AddHostedService<FindingKeyFingerprintCheck>();
            services.AddSingleton<PostgresApiKeyStore>();
            services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<PostgresApiKeyStore>());
            services.AddSingleton(sp => new CachingApiKeyLookup(sp.GetRequiredService<PostgresApiKeyStore>(), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IApiKeyLookup>(sp => sp.GetRequiredService<CachingApiKeyLookup>());
            services.AddSingleton<ISharedStateCache>(sp => sp.GetRequiredService<CachingApiKeyLookup>());
            services.AddSingleton<ISharedStateCache>(sp => sp.GetRequiredService<Incidents.ActiveContainment>());
            services.AddSingleton<ISharedStateCache>(sp => sp.GetRequiredService<EffectivePolicies>());
            services.AddSingleton<PostgresStateChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<PostgresStateChangeListener>());
            services.AddSingleton<IDrillRunClaims, PostgresDrillRunClaims>();
            services.AddSharedSignInState();
            services.AddSingleton<IVerificationStateStore>(sp => new PostgresVerificationStateStore(
                sp.GetRequiredService<PostgresStateDatabase>(), sp.GetRequiredService<DataKeyring>, sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IPolicyOverrideStore, PostgresPolicyOverrideStore>();
            services.AddSingleton<Models.IModelInventory, PostgresModelInventory>();
            services.AddSingleton<ISharedStateCache>(sp => sp.GetRequiredService<Models.CachingModelLookup>());
            services.AddSingleton<ThreatIntel.IThreatIndicatorStore, PostgresThreatIndicatorStore>();
            services.AddSingleton<ThreatIntel.IThreatFeedStore, PostgresThreatFeedStore>();
            services.AddSingleton<ThreatIntel.IThreatFeedPollLock, PostgresThreatFeedPollLock>();
            services.AddSingleton<ISharedStateCache>(sp => sp.GetRequiredService<ThreatIntel.KnownAttackPayloads>());
            services.AddSingleton<Training.ITrainingStore, PostgresTrainingStore>();
            services.AddSingleton<IDrillResultStore, PostgresDrillResultStore>();
            return services;
        }

        services.AddLocalSignInKeyRing();
        services.AddSingleton<SqliteApiKeyStore>();
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<SqliteApiKeyStore>());
        services.AddSingleton<IApiKeyLookup>(sp => new CachingApiKeyLookup(sp.GetRequiredService<SqliteApiKeyStore>(), sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// One instance's Data Protection key ring (which seals the console's cookies and antiforgery tokens): in the data
    /// directory, each key sealed like the shared ones. ASP.NET Core's default would keep the keys as plain XML in the
    /// user's home directory, shared by every gateway that user runs (tests run dozens at once, and two creating their
    /// first key together can each reject the other's forms).
    /// </summary>
    private static void AddLocalSignInKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(keys =>
        {
            var directory = Path.Combine(Path.GetFullPath(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory), "data-protection-keys");
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(directory), sp.GetRequiredService<ILoggerFactory>());
            keys.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<DataKeyring>());
        }));
    }

    /// <summary>
    /// Console and admin sign-in state in the shared database, and the Data Protection key ring (which seals the
    /// console's antiforgery tokens) there too, under one application name: a session or form from one instance
    /// works on every other. Registered before the console and admin MFA, which only add their SQLite stores when none is.
    /// </summary>
    private static void AddSharedSignInState(this IServiceCollection services)
    {
        services.AddSingleton<IConsoleAccountStore, PostgresConsoleAccountStore>();
        services.AddSingleton<IConsoleSessionStore, PostgresConsoleSessionStore>();
        services.AddSingleton<WebConsole.Passkeys.IConsolePasskeyStore, PostgresConsolePasskeyStore>();
        services.AddSingleton<IAdminSessionStore, PostgresAdminSessionStore>();
        services.AddSingleton<IMfaFactorStore, PostgresMfaFactorStore>();
        services.AddSingleton<IWebAuthnCeremonyStore, PostgresWebAuthnCeremonyStore>();
        services.AddSingleton<PostgresDataProtectionKeyRepository>();
        services.AddHostedService<SharedDataProtectionFirstKey>();
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(keys =>
        {
            keys.XmlRepository = sp.GetRequiredService<PostgresDataProtectionKeyRepository>();
            keys.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<DataKeyring>());
        }));
    }
}
