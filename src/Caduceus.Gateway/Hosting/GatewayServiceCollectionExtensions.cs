using System.Net;
using Caduceus.Detection;
using Caduceus.Events;
using Caduceus.Gateway.Access;
using Caduceus.Gateway.Admin;
using Caduceus.Gateway.AdminMfa;
using Caduceus.Gateway.Anomaly;
using Caduceus.Gateway.AnswerLimits;
using Caduceus.Gateway.Audit;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Compliance;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Drills;
using Caduceus.Gateway.Encryption;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Forwarding;
using Caduceus.Gateway.Incidents;
using Caduceus.Gateway.Keys;
using Caduceus.Gateway.Limits;
using Caduceus.Gateway.Models;
using Caduceus.Gateway.Networking;
using Caduceus.Gateway.Pipeline;
using Caduceus.Gateway.SharedState;
using Caduceus.Gateway.Siem;
using Caduceus.Gateway.Storage;
using Caduceus.Gateway.Streaming;
using Caduceus.Gateway.ThreatIntel;
using Caduceus.Gateway.Training;
using Caduceus.Gateway.Vault;
using Caduceus.Gateway.Verification;
using Caduceus.Gateway.WebConsole.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Caduceus.Gateway.Hosting;

/// <summary>Registers the gateway's services.</summary>
public static class GatewayServiceCollectionExtensions
{
    public static IServiceCollection AddCaduceusGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<GatewayOptions>()
            .Bind(configuration)
            .PostConfigure(GatewayConfiguration.EnsureDefaultApplication)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();

        services.AddSingleton<GatewayDatabase>();
        services.AddAuditTrail();
        services.AddSharedState(configuration);
        services.AddSingleton<ApiKeyUsageRecorder>();
        services.AddSingleton<AuthenticationFailureLimiter>();
        services.AddSingleton<AdminKeyLog>();
        services.AddModelInventory();

        services.AddSingleton<ITextAnalyzer>(_ => TextAnalyzer.CreateDefault());
        services.AddSingleton<ApplicationAnalyzers>();
        services.AddSingleton<RequestAnonymizers>();
        services.AddEncryptionAtRest(configuration);
        services.AddPseudonymVault(configuration);
        services.AddAdminMfa(configuration);
        services.AddStaffTraining(configuration);

        services.AddSingleton<RecentSecurityEvents>();
        services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<RecentSecurityEvents>());
        services.AddSingleton<ISecurityEventSink, LoggingSecurityEventSink>();
        services.AddSiemExporters(configuration);
        services.AddIncidentResponse(configuration);
        services.AddThreatIntel(configuration);
        services.AddScheduledDrills(configuration);
        services.AddHttpContextAccessor();
        services.AddSingleton<SecurityEventBus>();
        services.AddAnomalyDetection(configuration);
        services.AddUsageLimits(configuration);
        services.AddWebConsole(configuration);
        services.AddComplianceReports();

        var authentication = services.AddAuthentication(OidcAuthentication.CallerScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationDefaults.Scheme, null);
        OidcAuthentication.Add(authentication, configuration);
        GatewayPolicies.Add(services.AddAuthorizationBuilder());

        services.AddCallerVerification(configuration);
        services.AddAnswerLimits(configuration);
        services.AddStreamInspection(configuration);
        services.AddTrustedProxies(configuration);
        AddUpstreamHttpClient(services, configuration.GetSection("UpstreamTls").Get<UpstreamTlsOptions>() ?? new UpstreamTlsOptions());
        AddChatPipeline(services);
        return services;
    }

    private static void AddChatPipeline(IServiceCollection services)
    {
        services.TryAddSingleton<Policies.IPolicyOverrideStore, Policies.SqlitePolicyOverrideStore>();
        services.AddSingleton<Policies.EffectivePolicies>();
        services.AddSingleton<CompletionAnswerInspector>();
        services.AddSingleton<StreamingAnswerRelay>();

        // Order is the pipeline: the effective policy, containment, size limits, parse, rate limits and token budgets, access,
        // model inventory, known attack payloads from threat feeds, inspect input, plant the canary, forward, inspect and
        // send the answer.
        services.AddSingleton<IChatStage, Policies.PolicyOverrideStage>();
        services.AddSingleton<IChatStage, ContainmentRestrictionStage>();
        services.AddSingleton<IChatStage, RequestSizeLimitStage>();
        services.AddSingleton<IChatStage, ChatRequestParseStage>();
        services.AddSingleton<IChatStage, MessageCountLimitStage>();
        services.AddSingleton<IChatStage, UsageLimitStage>();
        services.AddSingleton<IChatStage, AccessStage>();
        services.AddSingleton(ModelInventoryServiceCollectionExtensions.Stage);
        services.AddSingleton<IChatStage, KnownAttackPayloadStage>();
        services.AddSingleton<IChatStage, InputInspectionStage>();
        services.AddSingleton<CanaryKey>();
        services.AddSingleton<IChatStage, CanaryStage>();
        services.AddSingleton(VerificationServiceCollectionExtensions.Stage);
        services.AddSingleton<IChatStage, ForwardStage>();
        services.AddSingleton<IChatStage, AnswerStage>();
        services.AddSingleton<ChatPipeline>();
    }

    private static void AddUpstreamHttpClient(IServiceCollection services, UpstreamTlsOptions tls)
    {
        services.AddSingleton<UpstreamClient>();
        services.AddHttpClient(UpstreamClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.None,
                UseCookies = false,
                SslOptions = UpstreamSslOptions(tls),
            })
            .AddResilienceHandler("upstream-connect", pipeline => pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                // Only failures to connect are retried: the request never reached the model, so a retry cannot
                // run a prompt twice. Everything else is the client's call.
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromMilliseconds(50),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is HttpRequestException
                {
                    HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
                }),
            }));
    }

    private static System.Net.Security.SslClientAuthenticationOptions UpstreamSslOptions(UpstreamTlsOptions tls)
    {
        var ssl = new System.Net.Security.SslClientAuthenticationOptions { EnabledSslProtocols = GatewayTls.Protocols };
        if (tls.ClientCertificatePath is { Length: > 0 } path)
        {
            ssl.ClientCertificates = [GatewayTls.LoadPkcs12(path, tls.PasswordEnvironmentVariable)];
        }

        if (tls.PinnedPublicKeys.Count > 0)
        {
            var pins = new UpstreamCertificatePins(tls.PinnedPublicKeys);
            ssl.RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
                pins.Accepts(certificate as System.Security.Cryptography.X509Certificates.X509Certificate2, chain, errors);
        }

        return ssl;
    }
}
