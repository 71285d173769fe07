using System.Text.Json;
using System.Text.Json.Nodes;
using Caduceus.Gateway.Endpoints;
using Caduceus.Gateway.Pipeline;
using Caduceus.Policy;
using Microsoft.AspNetCore.Http;

namespace Caduceus.Gateway.AnswerLimits;

/// <summary>Refuses a request that asks for a longer answer (<c>max_tokens</c>, <c>max_completion_tokens</c>) than the answer limit.</summary>
internal sealed class MaxTokensLimitStage(AnswerLimitsOptions options) : IChatStage
{
    private static readonly string[] Fields = ["max_tokens", "max_completion_tokens"];

    public ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        if (options.MaxTokens > 0 && exchange.Body is { } body)
        {
            foreach (var field in Fields)
            {
                if (body[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
                    && (!value.TryGetValue<long>(out var requested) || requested > options.MaxTokens))
                {
                    return new ValueTask(GatewayErrors.WriteAsync(
                        exchange.HttpContext,
                        StatusCodes.Status400BadRequest,
                        RefusalCodes.MaxTokensTooLarge,
                        $"'{field}' asks for more than {options.MaxTokens} answer tokens, the most this gateway allows."));
                }
            }
        }

        return next(exchange);
    }
}
