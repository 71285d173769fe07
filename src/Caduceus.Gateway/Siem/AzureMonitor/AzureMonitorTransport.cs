using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Siem.Delivery;

namespace Caduceus.Gateway.Siem.AzureMonitor;

/// <summary>
/// Batches to the Logs Ingestion API: a JSON array of rows (<c>TimeGenerated</c>, <c>EventId</c>, <c>EventType</c>,
/// ..., the OCSF class) POSTed to <c>{endpoint}/dataCollectionRules/{dcr}/streams/{stream}?api-version=2023-01-01</c>
/// with a bearer token. A refused token is fetched again and the batch retried.
/// </summary>
internal sealed class AzureMonitorTransport : ISiemTransport
{
    private readonly HttpClient _http;
    private readonly AzureMonitorTokenSource _tokens;
    private readonly Uri _endpoint;

    public AzureMonitorTransport(AzureMonitorOptions options, TimeProvider timeProvider, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? SiemHttp.Handler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _tokens = new AzureMonitorTokenSource(options, _http, timeProvider);
        _endpoint = new Uri(
            SiemHttp.WithTrailingSlash(options.Endpoint!),
            $"dataCollectionRules/{Uri.EscapeDataString(options.DcrImmutableId!)}/streams/{Uri.EscapeDataString(options.StreamName!)}?api-version=2023-01-01");
    }

    public string Name => "azure-monitor";

    public async Task<DeliveryResult> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken cancellationToken)
    {
        var token = await _tokens.GetAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(Body(batch)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            _tokens.Invalidate();
            return DeliveryResult.RetryLater;
        }

        return DeliveryResult.FromStatus((int)response.StatusCode, batch.Count);
    }

    public ValueTask DisposeAsync()
    {
        _tokens.Dispose();
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static byte[] Body(IReadOnlyList<SecurityEvent> batch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var securityEvent in batch)
            {
                var ocsf = OcsfClass.Of(securityEvent);
                writer.WriteStartObject();
                writer.WriteString("TimeGenerated", securityEvent.Time.UtcDateTime);
                writer.WriteString("EventId", securityEvent.Id);
                writer.WriteString("EventType", securityEvent.Type);
                OcsfJsonWriter.WriteOptional(writer, "Code", securityEvent.Code);
                OcsfJsonWriter.WriteOptional(writer, "Application", securityEvent.Application);
                OcsfJsonWriter.WriteOptional(writer, "Principal", securityEvent.Principal);
                OcsfJsonWriter.WriteOptional(writer, "Route", securityEvent.Route);
                OcsfJsonWriter.WriteEntityCounts(writer, "EntityCounts", securityEvent);
                writer.WriteStartArray("Detectors");
                foreach (var detector in securityEvent.Detectors)
                {
                    writer.WriteStringValue(detector);
                }

                writer.WriteEndArray();
                writer.WriteNumber("ClassUid", ocsf.ClassUid);
                writer.WriteString("ClassName", ocsf.ClassName);
                writer.WriteNumber("CategoryUid", ocsf.CategoryUid);
                writer.WriteNumber("SeverityId", ocsf.SeverityId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return buffer.ToArray();
    }
}
