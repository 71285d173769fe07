using Caduceus.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace Caduceus.Gateway.Siem;

/// <summary>Registers the SIEM exporters that configuration turns on.</summary>
internal static class SiemServiceCollectionExtensions
{
    public static IServiceCollection AddSiemExporters(this IServiceCollection services, IConfiguration configuration)
    {
        var meterName = MeterNameLease.Acquire();
        services.AddSingleton(_ => meterName);
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<GatewayMetrics>());
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(meterName.Name).AddPrometheusExporter());

        var syslog = configuration.GetSection("Siem:Syslog").Get<SyslogOptions>() ?? new SyslogOptions();
        if (syslog.IsEnabled)
        {
            services.AddSingleton(new SyslogSecurityEventSink(syslog));
            services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<SyslogSecurityEventSink>());
            services.AddHostedService(sp => sp.GetRequiredService<SyslogSecurityEventSink>());
        }

        return services;
    }
}
