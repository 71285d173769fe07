using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Caduceus.TestModel.Protocol;

/// <summary>Writes a JSON response body straight into the response pipe.</summary>
internal static class JsonResponse
{
    public static async Task WriteAsync(HttpResponse response, int status, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, ProtocolJson.WriterOptions))
        {
            write(writer);
        }

        await response.BodyWriter.FlushAsync(cancellationToken);
    }
}
