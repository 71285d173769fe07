using Caduceus.Gateway.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Streaming;

/// <summary>Registers the stream inspection batching (<c>StreamInspection</c> section) and its start-up validation.</summary>
internal static class StreamInspectionServiceCollectionExtensions
{
    public static IServiceCollection AddStreamInspection(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StreamInspectionOptions.SectionName).Get<StreamInspectionOptions>() ?? new StreamInspectionOptions();
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, StreamInspectionOptionsValidator>();
        return services;
    }
}
