using Caduceus.Events;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Siem.AzureMonitor;
using Caduceus.Gateway.Siem.Delivery;
using Caduceus.Gateway.Siem.Elastic;
using Caduceus.Gateway.Siem.Otlp;
using Caduceus.Gateway.Siem.Splunk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

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
        var section = configuration.GetSection("Siem");
        services.AddOptions<SiemOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiemOptions>, SiemOptionsValidator>();
        var siem = section.Get<SiemOptions>() ?? new SiemOptions();
        AddOpenTelemetry(services, meterName, siem.Otlp);

        if (siem.Syslog.IsEnabled)
        {
            AddExporter(services, "syslog", (options, _) => new SyslogTransport(options.Syslog));
        }

        if (siem.Splunk.IsEnabled)
        {
            AddExporter(services, "splunk", (options, _) => new SplunkTransport(options.Splunk));
        }

        if (siem.Elastic.IsEnabled)
        {
            AddExporter(services, "elastic", (options, _) => new ElasticBulkTransport(options.Elastic));
        }

        if (siem.AzureMonitor.IsEnabled)
        {
            AddExporter(services, "azure-monitor", (options, sp) => new AzureMonitorTransport(options.AzureMonitor, sp.GetRequiredService<TimeProvider>()));
        }

        return services;
    }

    private static void AddOpenTelemetry(IServiceCollection services, MeterNameLease meterName, OtlpOptions otlp)
    {
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(meterName.Name).AddPrometheusExporter();
            if (otlp.IsEnabled)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    OtlpSignals.Configure(exporter, otlp, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = OtlpSignals.IntervalMilliseconds(otlp);
                });
            }
        });
        if (!otlp.IsEnabled)
        {
            return;
        }

        // Request spans from ASP.NET Core's own activity source: route and status, no bodies.
        telemetry.ConfigureResource(resource => resource.AddService(OtlpSignals.ServiceName))
            .WithTracing(tracing => tracing.AddSource("Microsoft.AspNetCore").AddOtlpExporter(exporter =>
            {
                OtlpSignals.Configure(exporter, otlp, "v1/traces");
                exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = OtlpSignals.IntervalMilliseconds(otlp);
            }));
        services.AddSingleton(_ => new OtlpLogSecurityEventSink(otlp));
        services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredService<OtlpLogSecurityEventSink>());
    }

    private static void AddExporter(IServiceCollection services, string name, Func<SiemOptions, IServiceProvider, ISiemTransport> transport)
    {
        services.AddKeyedSingleton(name, (sp, _) =>
        {
            var siem = sp.GetRequiredService<IOptions<SiemOptions>>().Value;
            var dataDirectory = Path.GetFullPath(sp.GetRequiredService<IOptions<GatewayOptions>>().Value.DataDirectory);
            return new SiemExporter(
                transport(siem, sp),
                siem.Delivery,
                Path.Combine(dataDirectory, SpillDirectoryName),
                sp.GetRequiredService<ILogger<SiemExporter>>(),
                sp.GetRequiredService<GatewayMetrics>());
        });
        services.AddSingleton<ISecurityEventSink>(sp => sp.GetRequiredKeyedService<SiemExporter>(name));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredKeyedService<SiemExporter>(name));
    }
}
