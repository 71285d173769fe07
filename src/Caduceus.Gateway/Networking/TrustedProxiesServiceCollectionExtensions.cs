using Caduceus.Gateway.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Networking;

/// <summary>Registers and applies <see cref="TrustedProxiesOptions"/> (ASP.NET Core's forwarded-headers middleware).</summary>
internal static class TrustedProxiesServiceCollectionExtensions
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new TrustedProxiesOptions();
        configuration.GetSection(TrustedProxiesOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<IValidateOptions<GatewayOptions>, TrustedProxiesOptionsValidator>();
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = options.ForwardLimit;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var entry in options.TrustedProxies)
            {
                if (TrustedProxyEntry.TryParse(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when a proxy is trusted: otherwise the headers are left unread.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<TrustedProxiesOptions>().TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }
}
