using System.Net;
using System.Text;

namespace Caduceus.LoadTest.Receivers;

/// <summary>
/// One loopback HTTP listener standing in for Splunk's HTTP Event Collector (<c>/services/collector/event</c>: one JSON
/// object a line), Elasticsearch's bulk API (<c>/_bulk</c>: an action line and a document line per event) and an
/// OTLP/HTTP collector (<c>/v1/logs</c>, <c>/v1/traces</c>, <c>/v1/metrics</c>). It counts what arrives, answers
/// as the real receiver would on success, and keeps nothing.
/// </summary>
internal sealed class HttpEventReceiver : IAsyncDisposable
{
    private static readonly byte[] SplunkSuccess = """{"text":"Success","code":0}"""u8.ToArray();
    private static readonly byte[] BulkSuccess = """{"took":0,"errors":false,"items":[]}"""u8.ToArray();
    private static readonly byte[] EventIdPrefix = "evt_"u8.ToArray();
    private readonly HttpListener _listener = new();
    private readonly byte[] _forbidden;
    private readonly Task _serving;

    public HttpEventReceiver(int port, ReadOnlySpan<byte> forbidden)
    {
        _forbidden = forbidden.ToArray();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseAddress.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public Uri BaseAddress { get; }

    /// <summary>Events: lines of the HEC batches.</summary>
    public ReceivedTally Splunk { get; } = new("splunk-hec");

    /// <summary>Events: action and document line pairs of the bulk bodies.</summary>
    public ReceivedTally Elastic { get; } = new("elastic-bulk");

    /// <summary>Events: event ids (<c>evt_</c>) seen in the protobuf log batches, one per security event.</summary>
    public ReceivedTally OtlpLogs { get; } = new("otlp-logs");

    /// <summary>Requests only (spans are not counted).</summary>
    public ReceivedTally OtlpTraces { get; } = new("otlp-traces");

    /// <summary>Requests only.</summary>
    public ReceivedTally OtlpMetrics { get; } = new("otlp-metrics");

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _serving.ContinueWith(static _ => { }, TaskScheduler.Default);
        _listener.Close();
    }

    /// <summary>How many times <paramref name="value"/> occurs in <paramref name="payload"/>.</summary>
    internal static int Occurrences(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> value)
    {
        var count = 0;
        for (int at; (at = payload.IndexOf(value)) >= 0; payload = payload[(at + value.Length)..])
        {
            count++;
        }

        return count;
    }

    private async Task ServeAsync()
    {
        var requests = new List<Task>();
        try
        {
            while (_listener.IsListening)
            {
                var context = await _listener.GetContextAsync();
                requests.RemoveAll(t => t.IsCompleted);
                requests.Add(Task.Run(() => AnswerAsync(context)));
            }
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopped.
        }

        await Task.WhenAll(requests).ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var payload = body.GetBuffer().AsSpan(0, (int)body.Length);
            var path = context.Request.Url?.AbsolutePath ?? "";
            byte[] answer;
            switch (path)
            {
                case "/services/collector/event":
                    Splunk.Add(Occurrences(payload, "\n"u8), payload, _forbidden);
                    answer = SplunkSuccess;
                    response.ContentType = "application/json";
                    break;
                case "/_bulk":
                    Elastic.Add(Occurrences(payload, "\n"u8) / 2, payload, _forbidden);
                    answer = BulkSuccess;
                    response.ContentType = "application/json";
                    break;
                case "/v1/logs" or "/v1/traces" or "/v1/metrics":
                    var tally = path == "/v1/logs" ? OtlpLogs : path == "/v1/traces" ? OtlpTraces : OtlpMetrics;
                    tally.Add(tally == OtlpLogs ? Occurrences(payload, EventIdPrefix) : 0, payload, _forbidden);
                    answer = [];
                    response.ContentType = "application/x-protobuf";
                    break;
                default:
                    response.StatusCode = 404;
                    answer = Encoding.UTF8.GetBytes("not a receiver path");
                    break;
            }

            response.ContentLength64 = answer.Length;
            await response.OutputStream.WriteAsync(answer);
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The sender went away or we stopped.
        }
        finally
        {
            response.Close();
        }
    }
}
