using System.Net;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Forwarding;

/// <summary>
/// Answers the client when the upstream refused. Errors that are about the client's request (a bad parameter,
/// an unknown model, a rate limit) pass through; errors about the gateway's own credential or the upstream's
/// health become 502, so a client never mistakes them for a problem with its own key.
/// </summary>
internal static class UpstreamFailureRelay
{
    private const int MaxErrorBodyBytes = 64 * 1024;

    public static async Task RelayAsync(ChatExchange exchange, HttpResponseMessage response)
    {
        var context = exchange.HttpContext;
        if (!IsClientError(response.StatusCode))
        {
            await GatewayErrors.WriteAsync(
                context,
                StatusCodes.Status502BadGateway,
                "upstream_error",
                $"The model service answered with HTTP {(int)response.StatusCode}.");
            return;
        }

        var body = await ReadBoundedAsync(response, exchange.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
        await context.Response.Body.WriteAsync(body, exchange.RequestAborted);
    }

    private static bool IsClientError(HttpStatusCode status) => status is
        HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.Conflict or
        HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity or HttpStatusCode.TooManyRequests;

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxErrorBodyBytes];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return buffer[..total];
    }
}
