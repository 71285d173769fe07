using System.Text.RegularExpressions;
using Caduceus.Events;
using Caduceus.Gateway.Authentication;
using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Events;
using Caduceus.Gateway.Pipeline;
using Caduceus.Gateway.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Endpoints;

/// <summary><c>POST /v1/chat/completions</c>: runs the chat pipeline for the caller's application.</summary>
internal static class ChatCompletionsEndpoint
{
    private const string InspectionFailedCode = "inspection_failed";

    public static async Task HandleAsync(
        HttpContext context,
        ChatPipeline pipeline,
        IOptions<GatewayOptions> options,
        SecurityEventBus events,
        TimeProvider timeProvider)
    {
        if (!CallerApplication.TryResolve(context, options.Value, out var applicationName, out var application))
        {
            await CallerApplication.RefuseAsync(context);
            return;
        }

        var exchange = new ChatExchange(context, applicationName, application, CallerClaims.KeyIdOf(context.User)!);
        try
        {
            await pipeline.RunAsync(exchange);
        }
        catch (RegexMatchTimeoutException)
        {
            // A text the detectors could not finish with is treated as unsafe: nothing more of it moves on.
            var failed = exchange.NewEvent(SecurityEventTypes.InspectionFailed, InspectionFailedCode, new Dictionary<string, int>(), [], timeProvider.GetUtcNow());
            events.Publish(failed);
            const string message = "The text could not be inspected in time, so it was not let through.";
            if (context.Response.HasStarted)
            {
                await ServerSentEventWriter.WriteDataAsync(context.Response, GatewayErrors.Serialize(StatusCodes.Status400BadRequest, InspectionFailedCode, message, failed.Id), context.RequestAborted);
            }
            else
            {
                await GatewayErrors.WriteAsync(context, StatusCodes.Status400BadRequest, InspectionFailedCode, message, failed.Id);
            }
        }
    }
}
