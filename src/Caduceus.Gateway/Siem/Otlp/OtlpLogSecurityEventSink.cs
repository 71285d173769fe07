using Caduceus.Events;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;

namespace Caduceus.Gateway.Siem.Otlp;

/// <summary>
/// Security events as OTLP log records, from a logger factory of its own so that only security events (ids, types,
/// codes, counts) leave this way, never the gateway's other log lines. The OpenTelemetry SDK batches and sends them.
/// </summary>
internal sealed partial class OtlpLogSecurityEventSink : ISecurityEventSink, IDisposable
{
    private readonly ILoggerFactory _factory;
    private readonly ILogger _logger;

    public OtlpLogSecurityEventSink(OtlpOptions options)
    {
        _factory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(openTelemetry =>
        {
            openTelemetry.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(OtlpSignals.ServiceName));
            openTelemetry.AddOtlpExporter((exporter, processor) =>
            {
                OtlpSignals.Configure(exporter, options, "v1/logs");
                processor.BatchExportProcessorOptions.ScheduledDelayMilliseconds = OtlpSignals.IntervalMilliseconds(options);
            });
        }));
        _logger = _factory.CreateLogger("Caduceus.SecurityEvents");
    }

    public void Publish(SecurityEvent securityEvent)
    {
        var ocsf = OcsfClass.Of(securityEvent);
        var entities = string.Join(',', securityEvent.EntityCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}:{p.Value}"));
        LogSecurityEvent(
            _logger, securityEvent.Id, securityEvent.Type, securityEvent.Code, securityEvent.Application, securityEvent.Principal, securityEvent.Route, entities, ocsf.ClassUid, ocsf.SeverityId);
    }

    public void Dispose() => _factory.Dispose();

    [LoggerMessage(EventId = 1310, Level = LogLevel.Warning, Message = "Security event {event_id} {event_type} code={code} app={application} principal={principal} route={route} entities={entity_counts} class_uid={class_uid} severity_id={severity_id}")]
    private static partial void LogSecurityEvent(
        ILogger logger, string event_id, string event_type, string? code, string? application, string? principal, string? route, string entity_counts, int class_uid, int severity_id);
}
