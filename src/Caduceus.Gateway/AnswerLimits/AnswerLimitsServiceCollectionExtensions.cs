using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.AnswerLimits;

/// <summary>Registers the answer limits (<c>AnswerLimits</c> section) and their start-up validation.</summary>
internal static class AnswerLimitsServiceCollectionExtensions
{
    public static IServiceCollection AddAnswerLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AnswerLimitsOptions.SectionName).Get<AnswerLimitsOptions>() ?? new AnswerLimitsOptions();
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, AnswerLimitsOptionsValidator>();
        return services;
    }
}
