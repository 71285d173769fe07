using System.Diagnostics;
using System.Diagnostics.Metrics;
using Caduceus.Events;
using Caduceus.Gateway.Endpoints;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Siem;

/// <summary>
/// The gateway's metrics (meter <c>Caduceus.Gateway</c>, scraped as Prometheus series prefixed <c>caduceus_</c>):
/// requests and their duration by route and status, security events by type and code, and detections by entity type.
/// Labels are fixed vocabulary only (routes, types, codes), never text or identities.
/// </summary>
internal sealed class GatewayMetrics : ISecurityEventSink, IDisposable
{
    public const string MeterName = "Caduceus.Gateway";

    // Request durations from a sub-millisecond cache answer to a slow model's full minute.
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _events;
    private readonly Counter<long> _detections;
    private readonly Counter<long> _exported;

    public GatewayMetrics(MeterNameLease meterName)
    {
        _meter = new Meter(meterName.Name);
        _requests = _meter.CreateCounter<long>("caduceus.requests", description: "HTTP requests handled, by route and status code.");
        _duration = _meter.CreateHistogram<double>(
            "caduceus.request.duration",
            unit: "s",
            description: "Time to answer a request, by route.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _events = _meter.CreateCounter<long>("caduceus.security_events", description: "Security events raised, by type and code.");
        _detections = _meter.CreateCounter<long>("caduceus.detections", description: "Findings behind security events, by entity type.");
        _exported = _meter.CreateCounter<long>(
            "caduceus.siem.events", description: "Security events per SIEM exporter, by outcome: acknowledged, rejected (for good), spilled (to disk), dropped (spill full).");
    }

    public void Publish(SecurityEvent securityEvent)
    {
        _events.Add(1, new KeyValuePair<string, object?>("type", securityEvent.Type), new KeyValuePair<string, object?>("code", securityEvent.Code ?? "none"));
        if (securityEvent.Type is SecurityEventTypes.DrillCompleted)
        {
            // Its counts are the drill's attempts and results, not findings.
            return;
        }

        foreach (var (entityType, count) in securityEvent.EntityCounts)
        {
            _detections.Add(count, new KeyValuePair<string, object?>("entity_type", entityType), new KeyValuePair<string, object?>("event_type", securityEvent.Type));
        }
    }

    /// <summary>Counts and times one request; the route is the endpoint's pattern, so ids in paths never become labels.</summary>
    public async Task MeasureAsync(HttpContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
        }
        finally
        {
            var route = RequestRoute.Of(context);
            var status = context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _requests.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", status));
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("route", route));
        }
    }

    /// <summary>Counts what became of <paramref name="count"/> events at one SIEM exporter.</summary>
    public void RecordExport(string exporter, string outcome, int count) =>
        _exported.Add(count, new KeyValuePair<string, object?>("exporter", exporter), new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}
