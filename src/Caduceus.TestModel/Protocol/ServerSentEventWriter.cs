using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace Caduceus.TestModel.Protocol;

/// <summary>
/// Writes <c>data: …\n\n</c> events straight into the response pipe and flushes after each one, so a client
/// (or a gateway inspecting the stream) sees every chunk as soon as it is produced.
/// </summary>
internal sealed class ServerSentEventWriter(PipeWriter output) : IDisposable
{
    private readonly Utf8JsonWriter _json = new(output, ProtocolJson.WriterOptions);

    /// <summary>Writes one event whose data is the JSON <paramref name="write"/> produces, then flushes.</summary>
    public async ValueTask WriteJsonEventAsync(Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        output.Write("data: "u8);
        _json.Reset(output);
        write(_json);
        _json.Flush();
        output.Write("\n\n"u8);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Writes the terminating <c>data: [DONE]</c> event, then flushes.</summary>
    public async ValueTask WriteDoneAsync(CancellationToken cancellationToken)
    {
        output.Write("data: [DONE]\n\n"u8);
        await output.FlushAsync(cancellationToken);
    }

    public void Dispose() => _json.Dispose();
}
