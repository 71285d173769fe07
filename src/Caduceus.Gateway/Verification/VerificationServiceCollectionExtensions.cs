using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Verification;

/// <summary>Registers caller verification: the patient directory, the code channel, the verifier and its pipeline stage.</summary>
internal static class VerificationServiceCollectionExtensions
{
    public static IServiceCollection AddCallerVerification(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("PatientDirectory").Get<PatientDirectoryOptions>() ?? new PatientDirectoryOptions();
        if (!string.IsNullOrWhiteSpace(options.File))
        {
            services.TryAddSingleton<IPatientDirectory>(sp =>
                JsonFilePatientDirectory.Load(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.File)));
        }

        if (options.CodeWebhook is { } webhook)
        {
            services.AddHttpClient(nameof(WebhookOneTimeCodeSender));
            services.TryAddSingleton<IOneTimeCodeSender>(sp =>
                new WebhookOneTimeCodeSender(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(WebhookOneTimeCodeSender)), webhook));
        }

        // Under State:Store = postgres, AddSharedState registers the shared store instead.
        services.TryAddSingleton<IVerificationStateStore>(sp => new InMemoryVerificationStateStore(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new CallerVerifier(
            sp.GetService<IPatientDirectory>(), sp.GetService<IOneTimeCodeSender>(), sp.GetRequiredService<IVerificationStateStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IValidateOptions<GatewayOptions>>(sp => new CallerVerificationValidator(sp.GetService<IPatientDirectory>(), sp.GetService<IOneTimeCodeSender>()));
        return services;
    }

    /// <summary>The stage that looks up the verified patient; runs after inspection and before forwarding.</summary>
    public static IChatStage Stage(IServiceProvider services) =>
        new CallerVerificationStage(
            services.GetRequiredService<CallerVerifier>(), services.GetRequiredService<ILogger<CallerVerificationStage>>(), services.GetService<IPatientDirectory>());
}
