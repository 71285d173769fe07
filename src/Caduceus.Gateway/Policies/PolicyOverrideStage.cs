using Caduceus.Gateway.Pipeline;

namespace Caduceus.Gateway.Policies;

/// <summary>
/// First stage of the chat pipeline: the exchange runs under its application's effective policy (the console's
/// override when there is one), which an incident's containment may then tighten further.
/// </summary>
internal sealed class PolicyOverrideStage(EffectivePolicies policies) : IChatStage
{
    public async ValueTask InvokeAsync(ChatExchange exchange, ChatStageDelegate next)
    {
        exchange.Application = await policies.ForAsync(exchange.ApplicationName, exchange.Application, exchange.RequestAborted);
        await next(exchange);
    }
}
