using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Forwarding;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Endpoints;

/// <summary><c>GET /v1/models</c>: the models of the caller's application, as its upstream lists them.</summary>
internal static class ModelsEndpoint
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static async Task HandleAsync(HttpContext context, UpstreamClient upstream, IOptions<GatewayOptions> options)
    {
        if (!CallerApplication.TryResolve(context, options.Value, out _, out var application))
        {
            await CallerApplication.RefuseAsync(context);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await upstream.GetModelsAsync(application.Upstream, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                await GatewayErrors.WriteAsync(context, StatusCodes.Status502BadGateway, "upstream_error", $"The model service answered with HTTP {(int)response.StatusCode}.");
                return;
            }

            context.Response.ContentType = "application/json";
            await response.Content.CopyToAsync(context.Response.Body, timeout.Token);
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status504GatewayTimeout, RefusalCodes.UpstreamTimeout, "The model service did not answer in time.");
        }
        catch (HttpRequestException)
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status502BadGateway, RefusalCodes.UpstreamUnavailable, "The model service could not be reached.");
        }
    }
}
