using Caduceus.Events;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Siem.Delivery;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Caduceus.Gateway.Siem;

/// <summary>Registers the SIEM exporters that configuration turns on, each behind its own lossless delivery queue.</summary>
internal static class SiemServiceCollectionExtensions
{
    /// <summary>Under the data directory: one spill file per exporter.</summary>
    public const string SpillDirectoryName = "siem-spill";

    public static IServiceCollection AddSiemExporters(this IServiceCollection services, IConfiguration configuration)
    {
        var meterName = MeterNameLease.Acquire();
        services.AddSingleton(_ => meterName);
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<GatewayMetrics>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(meterName.Name).AddPrometheusExporter());

        var section = configuration.GetSection("Siem");
        services.AddOptions<SiemOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiemOptions>, SiemOptionsValidator>();

        var siem = section.Get<SiemOptions>() ?? new SiemOptions();
        if (siem.Syslog.IsEnabled)
        {
            AddExporter(services, "syslog", options => new SyslogTransport(options.Syslog));
        }

        return services;
    }

    private static void AddExporter(IServiceCollection services, string name, Func<SiemOptions, ISiemTransport> transport)
    {
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var siem = sp.GetRequiredService<IOptions<SiemOptions>>().Value;
            var dataDirectory = Path.GetFullPath(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory);
            return new SiemExporter(
                transport(siem), siem.Delivery, Path.Combine(dataDirectory, SpillDirectoryName), sp.GetRequiredService<ILogger<SiemExporter>>());
        });
        services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredKeyedService<SiemExporter>(name));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<SiemExporter>(name));
    }
}
