using Caduceus.Gateway.Configuration;
using Caduceus.Gateway.Endpoints;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Caduceus.Gateway.Pipeline;

/// <summary>Refuses conversations with more messages than the configured limit.</summary>
internal sealed class MessageCountLimitStage(IOptions<GatewayOptions> options) : IChatStage
{
    private readonly int _maxMessages = options.Value.Limits.MaxMessages;

    public ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        if (exchange.MessageCount > _maxMessages)
        {
            return new ValueTask(GatewayErrors.WriteAsync(
                exchange.HttpContext,
                StatusCodes.Status400BadRequest,
                RefusalCodes.TooManyMessages,
                $"The request has {exchange.MessageCount} messages; at most {_maxMessages} are accepted."));
        }

        return next(exchange);
    }
}
