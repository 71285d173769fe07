using System.Net.Http.Headers;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Siem.Delivery;

namespace Caduceus.Gateway.Siem.Splunk;

/// <summary>
/// Batches to Splunk's HTTP Event Collector: one <c>{"time","host","source","sourcetype","event"}</c> object per
/// event, concatenated, POSTed to <c>/services/collector/event</c>. The event is the OCSF-shaped document with the
/// event id, so a batch resent after a timeout can be told apart from a new one.
/// </summary>
internal sealed class SplunkTransport : ISiemTransport
{
    private readonly SplunkOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _hostName = Environment.MachineName;

    public SplunkTransport(SplunkOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _http = new HttpClient(handler ?? SiemHttp.Handler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _endpoint = new Uri(SiemHttp.WithTrailingSlash(options.Url!), "services/collector/event");
    }

    public string Name => "splunk";

    public async Task<DeliveryResult> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(Body(batch)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Splunk", _options.Token);
        using var response = await _http.SendAsync(request, cancellationToken);
        return DeliveryResult.FromStatus((int)response.StatusCode, batch.Count);
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private byte[] Body(IReadOnlyList<SecurityEvent> batch)
    {
        using var buffer = new MemoryStream();
        foreach (var securityEvent in batch)
        {
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("time", securityEvent.Time.ToUnixTimeMilliseconds() / 1000m);
                writer.WriteString("host", _hostName);
                writer.WriteString("source", _options.Source);
                writer.WriteString("sourcetype", _options.SourceType);
                if (_options.Index is { Length: > 0 } index)
                {
                    writer.WriteString("index", index);
                }

                writer.WritePropertyName("event");
                OcsfJsonWriter.Write(writer, securityEvent);
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }
}
