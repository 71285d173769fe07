using System.Net.Http.Headers;
using System.Text.Json;
using Caduceus.Events;
using Caduceus.Gateway.Siem.Delivery;

namespace Caduceus.Gateway.Siem.Elastic;

/// <summary>
/// Batches to Elasticsearch's <c>_bulk</c> API as NDJSON: a <c>create</c> action with the event id as <c>_id</c>, then
/// the ECS document. A resent batch therefore cannot duplicate (the copy answers 409, taken as delivered). The
/// response is read item by item: 429 and 5xx items send the batch again; other refused items are counted for good.
/// </summary>
internal sealed class ElasticBulkTransport : ISiemTransport
{
    private readonly ElasticOptions _options;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public ElasticBulkTransport(ElasticOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _http = new HttpClient(handler ?? SiemHttp.Handler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _endpoint = new Uri(SiemHttp.WithTrailingSlash(options.Url!), "_bulk");
    }

    public string Name => "elastic";

    public async Task<DeliveryResult> SendAsync(IReadOnlyList<SecurityEvent> batch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(Body(batch)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        if (_options.ApiKey is { Length: > 0 } apiKey)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 300)
        {
            return DeliveryResult.FromStatus(status, batch.Count);
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return ReadItems(body.RootElement, batch.Count);
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static DeliveryResult ReadItems(JsonElement root, int batchSize)
    {
        if (!root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.True)
        {
            return DeliveryResult.Acknowledged;
        }

        if (!root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return DeliveryResult.RetryLater;
        }

        var rejected = 0;
        foreach (var item in items.EnumerateArray())
        {
            var status = item.EnumerateObject().Select(action => action.Value.TryGetProperty("status", out var s) && s.TryGetInt32(out var n) ? n : 0).FirstOrDefault();
            if (status is 429 or >= 500 or 0)
            {
                return DeliveryResult.RetryLater;
            }

            if (status is not (>= 200 and < 300) and not 409)
            {
                rejected++;
            }
        }

        return new DeliveryResult(rejected == batchSize ? DeliveryOutcome.Rejected : DeliveryOutcome.Acknowledged, rejected);
    }

    private byte[] Body(IReadOnlyList<SecurityEvent> batch)
    {
        using var buffer = new MemoryStream();
        foreach (var securityEvent in batch)
        {
            using (var action = new Utf8JsonWriter(buffer))
            {
                action.WriteStartObject();
                action.WriteStartObject("create");
                action.WriteString("_index", _options.Index);
                action.WriteString("_id", securityEvent.Id);
                action.WriteEndObject();
                action.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            using (var document = new Utf8JsonWriter(buffer))
            {
                EcsDocumentWriter.Write(document, securityEvent);
            }

            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }
}
