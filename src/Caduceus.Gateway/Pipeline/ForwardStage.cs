using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Forwarding;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.Pipeline;

/// <summary>
/// Sends the (transformed) request to the application's model. Client cancellation reaches the upstream; an
/// unreachable upstream is a 502 and one that does not answer in time a 504.
/// </summary>
internal sealed class ForwardStage(UpstreamClient upstream, TimeProvider timeProvider) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        var options = exchange.Application.Upstream;
        using var deadline = new UpstreamDeadline(timeProvider, exchange.RequestAborted);
        deadline.Arm(options.ResponseTimeout);
        exchange.UpstreamDeadline = deadline;

        HttpResponseMessage response;
        try
        {
            var started = timeProvider.GetTimestamp();
            response = await upstream.SendChatAsync(options, exchange.Body!, deadline.Token);
            exchange.Audit?.UpstreamLatencyMs = timeProvider.GetElapsedTime(started).TotalMilliseconds;
        }
        catch (OperationCanceledException) when (deadline.TimedOut)
        {
            await UpstreamTimeoutAsync(exchange.HttpContext);
            return;
        }
        catch (OperationCanceledException) when (exchange.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (HttpRequestException)
        {
            await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status502BadGateway, RefusalCodes.UpstreamUnavailable, "The model service could not be reached.");
            return;
        }

        using (response)
        {
            exchange.UpstreamResponse = response;
            if (!response.IsSuccessStatusCode)
            {
                await UpstreamFailureRelay.RelayAsync(exchange, response);
                return;
            }

            try
            {
                await next(exchange);
            }
            catch (OperationCanceledException) when (deadline.TimedOut)
            {
                await UpstreamTimeoutAsync(exchange.HttpContext);
            }
            catch (OperationCanceledException) when (exchange.RequestAborted.IsCancellationRequested)
            {
                // The client left; nobody is listening for an answer.
            }
            catch (HttpRequestException) when (!exchange.HttpContext.Response.HasStarted)
            {
                await GatewayErrors.WriteAsync(exchange.HttpContext, StatusCodes.Status502BadGateway, RefusalCodes.UpstreamUnavailable, "The connection to the model service failed.");
            }
        }
    }

    public static Task UpstreamTimeoutAsync(HttpContext context) =>
        GatewayErrors.WriteAsync(context, StatusCodes.Status504GatewayTimeout, RefusalCodes.UpstreamTimeout, "The model service did not answer in time.");
}
