using Caduceus.Gateway.Authentication;
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
        var applicationName = CallerClaims.ApplicationOf(context.User);
        if (applicationName is null || !options.Value.Applications.TryGetValue(applicationName, out var application))
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "application_not_configured", "This key belongs to an application that is not configured on this gateway.");
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
