using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Endpoints;

/// <summary><c>POST /v1/chat/completions</c>: runs the chat pipeline for the caller's application.</summary>
internal static class ChatCompletionsEndpoint
{
    public static async Task HandleAsync(HttpContext context, ChatPipeline pipeline, IOptions<GatewayOptions> options)
    {
        var applicationName = CallerClaims.ApplicationOf(context.User);
        if (applicationName is null || !options.Value.Applications.TryGetValue(applicationName, out var application))
        {
            await GatewayErrors.WriteAsync(context, StatusCodes.Status403Forbidden, "application_not_configured", "This key belongs to an application that is not configured on this gateway.");
            return;
        }

        var exchange = new ChatExchange(context, applicationName, application, CallerClaims.KeyIdOf(context.User)!);
        await pipeline.RunAsync(exchange);
    }
}
