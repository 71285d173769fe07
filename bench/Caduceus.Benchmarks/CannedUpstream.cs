using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Caduceus.Benchmarks;

/// <summary>
/// Answers the gateway's upstream calls from memory with a prepared OpenAI <c>chat.completion</c> (or its streamed
/// form), so a pipeline benchmark measures the gateway's own work and no network.
/// </summary>
internal sealed class CannedUpstream
{
    public const int StreamContentChunks = 40;
    private const string Model = "caduceus-test-model";

    private readonly byte[] _completion;
    private readonly byte[] _stream;
    private int _calls;

    /// <param name="answer">The assistant text of every answer (the test model's echo of the benchmark prompt).</param>
    public CannedUpstream(string answer)
    {
        _completion = Completion(answer);
        _stream = EventStream(answer);
    }

    /// <summary>True: answer with server-sent events; false: with one JSON object.</summary>
    public bool Streaming { get; set; }

    /// <summary>When set, the next request bodies are kept in <see cref="LastRequestBody"/> (for set-up checks only).</summary>
    public bool CaptureRequests { get; set; }

    public string? LastRequestBody { get; private set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>A primary handler for the gateway's upstream HttpClient.</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this);

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        if (CaptureRequests && request.Content is not null)
        {
            LastRequestBody = await request.Content.ReadAsStringAsync(cancellationToken);
        }

        var content = new ByteArrayContent(Streaming ? _stream : _completion);
        content.Headers.ContentType = new MediaTypeHeaderValue(Streaming ? "text/event-stream" : "application/json");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }

    private static byte[] Completion(string answer)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", "chatcmpl-bench0000000000000000000000");
            writer.WriteString("object", "chat.completion");
            writer.WriteNumber("created", 1_767_225_600);
            writer.WriteString("model", Model);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", answer);
            writer.WriteNull("refusal");
            writer.WriteEndObject();
            writer.WriteNull("logprobs");
            writer.WriteString("finish_reason", "stop");
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteUsage(writer, answer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // A role chunk, StreamContentChunks content chunks, a finish chunk, then [DONE]: the shape OpenAI streams.
    private static byte[] EventStream(string answer)
    {
        var events = new StringBuilder();
        events.Append("data: ").Append(Chunk(role: "assistant", content: "", finishReason: null)).Append("\n\n");
        var size = (answer.Length + StreamContentChunks - 1) / StreamContentChunks;
        for (var offset = 0; offset < answer.Length; offset += size)
        {
            var piece = answer.Substring(offset, Math.Min(size, answer.Length - offset));
            events.Append("data: ").Append(Chunk(role: null, content: piece, finishReason: null)).Append("\n\n");
        }

        events.Append("data: ").Append(Chunk(role: null, content: null, finishReason: "stop")).Append("\n\n");
        events.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(events.ToString());
    }

    private static string Chunk(string? role, string? content, string? finishReason)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", "chatcmpl-bench0000000000000000000000");
            writer.WriteString("object", "chat.completion.chunk");
            writer.WriteNumber("created", 1_767_225_600);
            writer.WriteString("model", Model);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("delta");
            if (role is not null)
            {
                writer.WriteString("role", role);
            }

            if (content is not null)
            {
                writer.WriteString("content", content);
            }

            writer.WriteEndObject();
            writer.WriteNull("logprobs");
            if (finishReason is null)
            {
                writer.WriteNull("finish_reason");
            }
            else
            {
                writer.WriteString("finish_reason", finishReason);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteUsage(Utf8JsonWriter writer, string answer)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", answer.Length / 4);
        writer.WriteNumber("completion_tokens", answer.Length / 4);
        writer.WriteNumber("total_tokens", answer.Length / 2);
        writer.WriteEndObject();
    }

    private sealed class Handler(CannedUpstream upstream) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            upstream.AnswerAsync(request, cancellationToken);
    }
}
