using System.Text;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Streaming;

/// <summary>Writes <c>data:</c> events to the client and flushes each one, so it leaves at once.</summary>
internal static class ServerSentEventWriter
{
    public static async Task WriteDataAsync(HttpResponse response, string data, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes("data: " + data + "\n\n");
        await response.Body.WriteAsync(bytes, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
